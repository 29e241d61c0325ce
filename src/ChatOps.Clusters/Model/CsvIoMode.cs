namespace ChatOps.Clusters.Model;

/// <summary>
/// How one node reaches a Cluster Shared Volume: <c>Get-ClusterSharedVolumeState</c>'s <c>StateInfo</c>
/// (learn.microsoft.com, clusapi <c>CLUSTER_SHARED_VOLUME_STATE</c>: Unavailable 0, Paused 1, Active 2,
/// ActiveRedirected 3, ActiveVolumeRedirected 4).
/// </summary>
public enum CsvIoMode
{
    /// <summary>The node cannot reach the volume at all.</summary>
    Unavailable,

    /// <summary>I/O to the volume is paused on the node.</summary>
    Paused,

    /// <summary>Direct I/O through the node's own storage path: the normal case.</summary>
    Direct,

    /// <summary>All I/O goes over the network to the coordinator node.</summary>
    FileSystemRedirected,

    /// <summary>Block-level I/O goes over the network to the coordinator node (much faster than file-system redirection).</summary>
    BlockRedirected,
}
