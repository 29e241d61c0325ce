namespace ChatOps.Clusters.PowerShell;

/// <summary>One node under <c>ChatOps:PowerShell:Nodes</c>.</summary>
public sealed class PowerShellNodeOptions
{
    /// <summary>Node name as the cluster lists it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Site (data centre) the node stands in. Default: <c>Default</c>.</summary>
    public string Site { get; set; } = PowerShellNames.DefaultSite;
}
