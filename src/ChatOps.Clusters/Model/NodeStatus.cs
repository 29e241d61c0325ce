namespace ChatOps.Clusters.Model;

/// <summary>
/// What the cluster says about a node beyond its state, from Windows Server 2016 (compute resiliency):
/// <c>Get-ClusterNode</c>'s <c>StatusInformation</c>.
/// </summary>
public enum NodeStatusInformation
{
    /// <summary>Nothing to report.</summary>
    Normal,

    /// <summary>Cut off from the other nodes but still a member: its VMs run on, unmonitored, for the resiliency period.</summary>
    Isolated,

    /// <summary>Kept out of the cluster after repeated membership losses, until the quarantine ends or is cleared.</summary>
    Quarantined,
}

/// <summary>How the node's last drain went: <c>Get-ClusterNode</c>'s <c>DrainStatus</c> (the cluster's <c>NodeDrainStatus</c>).</summary>
public enum NodeDrainStatus
{
    /// <summary>No drain was asked for.</summary>
    NotInitiated,

    /// <summary>Its roles are being moved off.</summary>
    InProgress,

    /// <summary>Every role moved off.</summary>
    Completed,

    /// <summary>Some role could not be moved off.</summary>
    Failed,
}
