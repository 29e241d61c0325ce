namespace ChatOps.Clusters.Lab;

/// <summary>
/// The messages the lab's failures write, worded as Windows writes them: the FailoverClustering events
/// as Microsoft Learn's "Failover Clustering system log events" gives their text; Hyper-V-VMMS 4096 as
/// the field guide (FAILURE-MODES.md, stale-vm-config-links-4096) and the runbook's error strings quote it.
/// </summary>
internal static class LabEventTexts
{
    public const int NodeRemovedId = 1135;
    public const int ResourceFailedId = 1069;
    public const int RoleNotOnlineId = 1205;
    public const int ConfigUnreachableId = 4096;

    public static string NodeRemoved(string node) =>
        $"Cluster node '{node}' was removed from the active failover cluster membership. The Cluster service on this node may have stopped. " +
        "This could also be due to the node having lost communication with other active nodes in the failover cluster.";

    public static string ResourceFailed(string vm) =>
        $"Cluster resource 'Virtual Machine {vm}' of type 'Virtual Machine' in clustered role '{vm}' failed.";

    public static string RoleNotOnline(string vm) =>
        $"The Cluster service failed to bring clustered role '{vm}' completely online or offline. One or more resources may be in a failed state. This may impact the availability of the clustered role.";

    public static string ConfigUnreachable(Guid vm) =>
        $"The Virtual Machines configuration {vm.ToString().ToUpperInvariant()} at 'C:\\ProgramData\\Microsoft\\Windows\\Hyper-V' is no longer accessible: The system cannot find the file specified. (0x80070002)";
}
