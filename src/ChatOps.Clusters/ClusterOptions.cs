namespace ChatOps.Clusters;

/// <summary>Which cluster to talk to and how patiently. Section <c>ChatOps:Cluster</c>.</summary>
public sealed class ClusterOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Cluster";

    /// <summary>The embedded simulator.</summary>
    public const string LabBackend = "Lab";

    /// <summary>Real nodes through PowerShell scripts and each node's JEA endpoint (see <c>ChatOps:PowerShell</c>).</summary>
    public const string PowerShellBackend = "PowerShell";

    /// <summary>How many nodes are probed at once unless a caller says otherwise: PowerShell remoting's own throttle.</summary>
    public const int DefaultProbeConcurrency = 32;

    /// <summary><c>Lab</c> or <c>PowerShell</c>. Default: <c>Lab</c>.</summary>
    public string Backend { get; set; } = LabBackend;

    /// <summary>
    /// How long one node may take to answer before it is reported as timed out (the PowerShell backend kills
    /// the script's process tree then; 00:00:30 suits it better). Default: 8 s.
    /// </summary>
    public TimeSpan NodeTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How far back <c>diagnose</c> reads the nodes' event logs for critical and error events (one minute to seven days). Default: 4 h.</summary>
    public TimeSpan DiagnoseEventWindow { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// The lab to run instead of the embedded default: an embedded lab's name (<c>modern</c>, a Windows
    /// Server 2022 cluster with the modern failure modes; <c>default</c>) or a lab YAML file's path. Default: none.
    /// </summary>
    public string? LabFile { get; set; }
}
