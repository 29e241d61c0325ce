namespace ChatOps.Clusters.Model;

/// <summary>Quorum vote models of a failover cluster.</summary>
public enum QuorumType
{
    /// <summary>Nodes vote; no witness.</summary>
    NodeMajority,

    /// <summary>Nodes and a disk witness vote.</summary>
    NodeAndDiskMajority,

    /// <summary>Nodes and a file-share witness vote.</summary>
    NodeAndFileShareMajority,

    /// <summary>Only the disk counts (legacy, a single point of failure).</summary>
    NoMajorityDiskOnly,

    /// <summary>Nodes and a Cloud Witness (an Azure storage account) vote.</summary>
    NodeAndCloudMajority,
}
