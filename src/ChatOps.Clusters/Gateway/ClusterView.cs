using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Gateway;

/// <summary>
/// What the cluster itself says (membership, groups, disks, quorum), before any node is probed.
/// The VMs carry no Hyper-V host states yet.
/// </summary>
internal sealed record ClusterView(
    string Name,
    IReadOnlyList<string> Sites,
    Quorum Quorum,
    IReadOnlyList<NodeMember> Nodes,
    IReadOnlyList<ClusteredVm> Vms,
    IReadOnlyList<ClusterDisk> Disks)
{
    /// <summary>The cluster's functional level and the one every node supports; null parts where the version has none.</summary>
    public FunctionalLevel FunctionalLevel { get; init; } = new(null, null);
}
