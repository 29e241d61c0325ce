namespace ChatOps.Clusters.PowerShell;

/// <summary>The functions of the ChatOpsJea node module (<c>deploy/jea/ChatOpsJea</c>) that the JEA role exposes.</summary>
internal static class PowerShellCommands
{
    public const string ClusterView = "Get-ChatOpsClusterView";
    public const string NodeInventory = "Get-ChatOpsNodeInventory";
    public const string ClusterEvents = "Get-ChatOpsClusterEvents";
    public const string StopClusterService = "Stop-ChatOpsClusterService";
    public const string StopVmWorker = "Stop-ChatOpsVmWorker";
    public const string ClearDnsCache = "Clear-ChatOpsDnsCache";
    public const string RemoveStaleLink = "Remove-ChatOpsStaleLink";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        ClusterView, NodeInventory, ClusterEvents, StopClusterService, StopVmWorker, ClearDnsCache, RemoveStaleLink,
    };

    /// <summary>The functions that only read: safe to run again when a session broke under them.</summary>
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal) { ClusterView, NodeInventory, ClusterEvents };
}
