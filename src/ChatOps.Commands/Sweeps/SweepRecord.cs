using ChatOps.Clusters.Checks.Parity;

namespace ChatOps.Commands.Sweeps;

/// <summary>A stored sweep: when, which nodes answered with what, and what the checks found.</summary>
public sealed record SweepRecord
{
    /// <summary>Sweep id (sortable by time).</summary>
    public required string Id { get; init; }

    /// <summary>When the sweep ran.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The cluster swept.</summary>
    public string Cluster { get; init; } = string.Empty;

    /// <summary>The parity matrix: components × reachable nodes, majority and outliers per row.</summary>
    public IReadOnlyList<ParityRow> Rows { get; init; } = [];

    /// <summary>Per-node inventories.</summary>
    public required IReadOnlyList<NodeSweep> Nodes { get; init; }

    /// <summary>Every finding of the checks.</summary>
    public required IReadOnlyList<SweepFinding> Findings { get; init; }

    /// <summary>A sweep with unreachable nodes is partial, never clean.</summary>
    public bool Partial => Nodes.Any(n => !n.Reachable);
}
