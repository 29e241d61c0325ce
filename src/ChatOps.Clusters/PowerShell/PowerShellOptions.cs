namespace ChatOps.Clusters.PowerShell;

/// <summary>How the PowerShell backend reaches the cluster. Section <c>ChatOps:PowerShell</c>.</summary>
public sealed class PowerShellOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:PowerShell";

    /// <summary>
    /// <c>powershell.exe</c> (Windows PowerShell 5.1), <c>pwsh</c>, or a full path to either.
    /// Default: <c>powershell.exe</c> on Windows, <c>pwsh</c> elsewhere.
    /// </summary>
    public string Executable { get; set; } = OperatingSystem.IsWindows() ? "powershell.exe" : "pwsh";

    /// <summary>Folder holding the ChatOps scripts. Default: <c>PowerShell/Scripts</c> beside the application.</summary>
    public string? ScriptsPath { get; set; }

    /// <summary>
    /// The JEA session configuration registered on every node (see <c>deploy/jea</c>). Empty runs the
    /// scripts on the bot host itself, which only suits a bot running on a cluster node. Default: <c>ChatOps</c>.
    /// </summary>
    public string ConfigurationName { get; set; } = "ChatOps";

    /// <summary>The cluster name (its network name); the cluster view is read through it. Required.</summary>
    public string ClusterName { get; set; } = string.Empty;

    /// <summary>The nodes and their sites; nodes the cluster lists but this does not get site <c>Default</c>. Default: none.</summary>
    public IList<PowerShellNodeOptions> Nodes { get; } = [];

    /// <summary>Largest output one script may write before it is killed. Default: 4 MiB.</summary>
    public int MaxOutputBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The scripts folder with the default applied.</summary>
    public string ResolvedScriptsPath =>
        ScriptsPath is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "PowerShell", "Scripts");
}
