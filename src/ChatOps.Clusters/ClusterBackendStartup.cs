using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Clusters;

/// <summary>Loads the backend at start so a bad lab file or an unavailable backend stops start-up, not the first command.</summary>
internal sealed partial class ClusterBackendStartup(
    IServiceProvider services,
    IOptions<ClusterOptions> options,
    ILogger<ClusterBackendStartup> logger) : IHostedService, IClusterBackendStatus
{
    private volatile bool _ready;

    public string Backend => options.Value.Backend;

    public bool IsReady => _ready;

    public string Description { get; private set; } = string.Empty;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var gateway = services.GetRequiredService<IClusterGateway>();
        if (services.GetService<ILabCluster>() is { } lab && gateway.Backend == ClusterOptions.LabBackend)
        {
            var snapshot = lab.Snapshot();
            var source = options.Value.LabFile is { Length: > 0 } file
                ? LabLoader.IsEmbedded(file) ? $"embedded {file.ToLowerInvariant()} lab" : Path.GetFileName(file)
                : "embedded default lab";
            Description = $"Lab cluster {snapshot.Name}: {snapshot.Nodes.Count} nodes, {snapshot.Vms.Count} VMs ({source})";
        }
        else
        {
            Description = $"{gateway.Backend} backend";
        }

        _ready = true;
        LogLoaded(gateway.Backend, Description);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster backend {Backend} loaded: {Description}")]
    private partial void LogLoaded(string backend, string description);
}
