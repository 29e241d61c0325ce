using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Gateway;

/// <summary>A node as the cluster's membership lists it (no probe needed).</summary>
internal sealed record NodeMember(string Name, NodeState State, string Site, NodeVote? Vote = null)
{
    /// <summary>Isolated or quarantined, as the cluster says; null where the version does not say.</summary>
    public NodeStatusInformation? Status { get; init; }

    /// <summary>How the node's last drain went; null where the version does not say.</summary>
    public NodeDrainStatus? Drain { get; init; }

    /// <summary>This member with its probe's outcome: the inventory, or why there is none.</summary>
    public NodeResult Probed(NodeInventory? inventory, NodeFailure? failure) =>
        new(Name, State, Site, inventory, failure) { Vote = Vote, Status = Status, Drain = Drain };
}
