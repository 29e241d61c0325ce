namespace ChatOps.Clusters.Lab;

/// <summary>Shape of a generated lab. Every node has the same inventory; VMs fill about 60 % of memory.</summary>
public sealed record LabGeneratorOptions
{
    /// <summary>Number of nodes. Default: 64.</summary>
    public int Nodes { get; init; } = 64;

    /// <summary>Number of clustered VMs. Default: 2,000.</summary>
    public int Vms { get; init; } = 2000;

    /// <summary>Random seed. Default: 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Latency added to every node call. Default: none.</summary>
    public TimeSpan ProbeLatency { get; init; }

    /// <summary>Fraction of nodes (0..1) that hang, chosen by the seed. Default: 0.</summary>
    public double HangingFraction { get; init; }
}
