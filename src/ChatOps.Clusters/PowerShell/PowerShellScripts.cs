namespace ChatOps.Clusters.PowerShell;

/// <summary>The scripts under <c>PowerShell/Scripts</c>; the JEA wrapper functions carry the same names.</summary>
internal static class PowerShellScripts
{
    public const string ClusterView = "Get-ChatOpsClusterView";
    public const string NodeInventory = "Get-ChatOpsNodeInventory";
    public const string StopClusterService = "Stop-ChatOpsClusterService";
    public const string StopVmWorker = "Stop-ChatOpsVmWorker";
    public const string ClearDnsCache = "Clear-ChatOpsDnsCache";
    public const string RemoveStaleLink = "Remove-ChatOpsStaleLink";

    /// <summary>Relays a command to a node's JEA endpoint.</summary>
    public const string Jea = "Invoke-ChatOpsJea";

    public static string File(string name) => name + ".ps1";
}
