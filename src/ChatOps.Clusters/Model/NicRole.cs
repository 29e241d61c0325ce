namespace ChatOps.Clusters.Model;

/// <summary>What a host NIC carries.</summary>
public enum NicRole
{
    /// <summary>Host management.</summary>
    Management,

    /// <summary>Cluster heartbeat and CSV traffic.</summary>
    Cluster,

    /// <summary>Live migration.</summary>
    LiveMigration,

    /// <summary>iSCSI storage.</summary>
    Iscsi,

    /// <summary>VM and client traffic (bound to a virtual switch).</summary>
    Client,

    /// <summary>Out-of-band or backup networks.</summary>
    Other,
}
