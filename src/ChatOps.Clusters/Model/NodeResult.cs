namespace ChatOps.Clusters.Model;

/// <summary>
/// One node in a snapshot: the cluster's view (state, site), always present, and the node's
/// own inventory, or why it could not be read.
/// </summary>
public sealed record NodeResult(string Name, NodeState State, string Site, NodeInventory? Inventory, NodeFailure? Failure)
{
    /// <summary>The node's quorum vote as the cluster reports it, or null when the version does not say.</summary>
    public NodeVote? Vote { get; init; }

    /// <summary>Isolated or quarantined, as the cluster says (2016 and later); null where the version does not say.</summary>
    public NodeStatusInformation? Status { get; init; }

    /// <summary>How the node's last drain went; null where the version does not say.</summary>
    public NodeDrainStatus? Drain { get; init; }

    /// <summary>True when the node answered its probe.</summary>
    public bool IsReachable => Inventory is not null;
}
