namespace ChatOps.Clusters.Model;

/// <summary>An immutable picture of a cluster at one moment, including nodes that did not answer.</summary>
public sealed record ClusterSnapshot
{
    /// <summary>Cluster name.</summary>
    public required string Name { get; init; }

    /// <summary>Site names, in configuration order.</summary>
    public IReadOnlyList<string> Sites { get; init; } = [];

    /// <summary>Quorum configuration.</summary>
    public required Quorum Quorum { get; init; }

    /// <summary>Every node, with its inventory or failure.</summary>
    public IReadOnlyList<NodeResult> Nodes { get; init; } = [];

    /// <summary>Clustered VMs.</summary>
    public IReadOnlyList<ClusteredVm> Vms { get; init; } = [];

    /// <summary>The functional level and the one every node supports (2016 and later).</summary>
    public FunctionalLevel FunctionalLevel { get; init; } = new(null, null);

    /// <summary>Clustered disks and CSVs.</summary>
    public IReadOnlyList<ClusterDisk> Disks { get; init; } = [];

    /// <summary>
    /// Why the cluster's own view (membership, votes, groups, disks) could not be read, or null. Then
    /// every node's state is <see cref="NodeState.Unknown"/>: no quorum, capacity or node-state
    /// conclusion may be drawn from it.
    /// </summary>
    public NodeFailure? ViewFailure { get; init; }

    /// <summary>When the snapshot was taken.</summary>
    public DateTimeOffset TakenAt { get; init; }

    /// <summary>Nodes that answered.</summary>
    public IEnumerable<NodeResult> Reachable => Nodes.Where(n => n.IsReachable);

    /// <summary>Nodes that did not answer.</summary>
    public IEnumerable<NodeResult> Unreachable => Nodes.Where(n => !n.IsReachable);

    /// <summary>True when the view or a node, or a part of one, could not be read: conclusions may be incomplete.</summary>
    public bool IsPartial => ViewFailure is not null || Nodes.Any(n => !n.IsReachable || n.Inventory!.Unread.Count > 0);

    /// <summary>Nodes whose part was read (they answered, and that part did not fail).</summary>
    public IEnumerable<NodeResult> Knowing(InventoryPart part) => Nodes.Where(n => n.Inventory?.Knows(part) == true);

    /// <summary>The node with this name (case-insensitive), or null.</summary>
    public NodeResult? FindNode(string name) =>
        Nodes.FirstOrDefault(n => n.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The VM with this name (case-insensitive), or null.</summary>
    public ClusteredVm? FindVm(string name) =>
        Vms.FirstOrDefault(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Running VMs the cluster places on a node (by owner).</summary>
    public IEnumerable<ClusteredVm> VmsOwnedBy(string node) =>
        Vms.Where(v => string.Equals(v.OwnerNode, node, StringComparison.OrdinalIgnoreCase));
}
