namespace ChatOps.Clusters.Gateway;

/// <summary>The safe actions a gateway can run.</summary>
public enum ClusterAction
{
    /// <summary>Kill <c>clussvc.exe</c> on a node.</summary>
    StopClusterService,

    /// <summary>Kill one VM's <c>vmwp.exe</c>.</summary>
    KillVmWorker,

    /// <summary><c>ipconfig /flushdns</c> on a node.</summary>
    FlushDns,

    /// <summary>Delete a VM config link from a node.</summary>
    RemoveStaleLink,
}
