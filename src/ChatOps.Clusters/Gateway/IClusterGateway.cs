using ChatOps.Clusters.Events;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Gateway;

/// <summary>
/// The one port for reading a cluster and running its safe actions. Every call is bounded by
/// the per-node timeout (<see cref="ClusterOptions.NodeTimeout"/>): a node that hangs, refuses
/// or errors yields a per-node failure while the other nodes still answer. Each safe action carries
/// its deadline (<c>notAfter</c>, UTC): the node checks it by its own clock just before it changes
/// anything, and past it refuses and changes nothing, so a call that arrives late (its instance was
/// paused, and written off by another) can never act.
/// </summary>
public interface IClusterGateway
{
    /// <summary>Backend name, e.g. <c>Lab</c>.</summary>
    string Backend { get; }

    /// <summary>Names of the cluster's nodes (membership only; no node is probed).</summary>
    Task<IReadOnlyList<string>> GetNodeNamesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Probes every node, <see cref="ClusterOptions.DefaultProbeConcurrency"/> at a time, and returns the whole picture.
    /// </summary>
    Task<ClusterSnapshot> GetSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>Probes every node, at most <paramref name="maxConcurrency"/> at a time, and returns the whole picture.</summary>
    Task<ClusterSnapshot> GetSnapshotAsync(int maxConcurrency, CancellationToken cancellationToken);

    /// <summary>Probes one node (exact name, case-insensitive); null when there is no such node.</summary>
    Task<NodeResult?> GetNodeAsync(string name, CancellationToken cancellationToken);

    /// <summary>One clustered VM with every reachable node's Hyper-V view; null when there is no such VM.</summary>
    Task<ClusteredVm?> GetVmAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the clustering and Hyper-V events (<see cref="EventSources"/>) written in the last
    /// <paramref name="window"/> (at most <see cref="EventSources.MaxWindow"/>) on every node, or on
    /// <paramref name="node"/> alone (exact name, case-insensitive; unknown gives no nodes). Each node is
    /// read under the per-node timeout and each of its logs under its own guard.
    /// </summary>
    Task<ClusterEvents> GetEventsAsync(string? node, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>
    /// Forcibly stops the cluster service on a node: it goes Down and its VMs fail over. The node counts
    /// the live quorum votes again itself and compares its verdict with the preview's:
    /// <paramref name="allowQuorumLoss"/> false means the preview said quorum is kept (the node refuses
    /// if it counts a loss); true means the preview said it is lost and a second admin approved the
    /// <c>--force</c> (the node refuses if it counts quorum kept, since then the two disagree).
    /// </summary>
    Task<ClusterActionResult> StopClusterServiceAsync(string node, bool allowQuorumLoss, DateTimeOffset notAfter, CancellationToken cancellationToken);

    /// <summary>Kills one VM's worker process: the VM crashes and the cluster restarts it on another node.</summary>
    Task<ClusterActionResult> KillVmWorkerAsync(string vm, DateTimeOffset notAfter, CancellationToken cancellationToken);

    /// <summary>Clears a node's DNS client cache.</summary>
    Task<ClusterActionResult> FlushDnsAsync(string node, DateTimeOffset notAfter, CancellationToken cancellationToken);

    /// <summary>Deletes a VM config link from a node; refused when that VM runs on the node.</summary>
    Task<ClusterActionResult> RemoveStaleLinkAsync(string node, Guid vmId, DateTimeOffset notAfter, CancellationToken cancellationToken);
}
