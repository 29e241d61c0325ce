namespace ChatOps.Clusters.Model;

/// <summary>A clustered disk's or CSV's resource state (the cluster's ClusterResourceState names).</summary>
public enum DiskState
{
    /// <summary>Online: the nodes can use it.</summary>
    Online,

    /// <summary>Offline: taken offline, by an admin or the cluster.</summary>
    Offline,

    /// <summary>Failed: the cluster could not bring it online.</summary>
    Failed,

    /// <summary>Going online or offline.</summary>
    Pending,

    /// <summary>A state the bot does not know.</summary>
    Unknown,
}
