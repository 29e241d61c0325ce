namespace ChatOps.Clusters;

/// <summary>
/// Whether the cluster backend loaded at start-up; the host's <c>/readyz</c> reports it.
/// Start-up fails outright when the backend cannot load, so a running host normally sees
/// <see cref="IsReady"/> true once the hosted services have started.
/// </summary>
public interface IClusterBackendStatus
{
    /// <summary>Configured backend, e.g. <c>Lab</c>.</summary>
    string Backend { get; }

    /// <summary>True once the backend has loaded.</summary>
    bool IsReady { get; }

    /// <summary>What loaded, e.g. <c>Lab cluster HVC01: 6 nodes, 61 VMs</c>; empty before start.</summary>
    string Description { get; }
}
