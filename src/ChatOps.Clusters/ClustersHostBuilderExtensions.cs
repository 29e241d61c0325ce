using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.PowerShell;
using ChatOps.Clusters.PowerShell.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Clusters;

/// <summary>Registers the cluster gateway and its backend.</summary>
public static class ClustersHostBuilderExtensions
{
    /// <summary>
    /// Adds <c>ChatOps:Cluster</c> and <c>ChatOps:PowerShell</c> options (validated at start), the configured backend behind
    /// <see cref="IClusterGateway"/>, <see cref="ILabCluster"/> for the lab, and
    /// <see cref="IClusterBackendStatus"/>. A lab registered beforehand as <see cref="ILabCluster"/> wins.
    /// </summary>
    public static IHostApplicationBuilder AddClusters(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.AddOptions<PowerShellOptions>().BindConfiguration(PowerShellOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PowerShellOptions>, PowerShellOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILabCluster>(sp =>
        {
            var file = sp.GetRequiredService<IOptions<ClusterOptions>>().Value.LabFile;
            var time = sp.GetRequiredService<TimeProvider>();
            return file is { Length: > 0 } ? LabClusters.Load(file, time) : LabClusters.LoadDefault(time);
        });
        services.TryAddSingleton<IRunspacePoolFactory>(sp => new WSManRunspacePoolFactory(sp.GetRequiredService<IOptions<PowerShellOptions>>().Value));
        services.TryAddSingleton(sp => new NodeSessions(
            sp.GetRequiredService<IRunspacePoolFactory>(), sp.GetRequiredService<IOptions<PowerShellOptions>>().Value, sp.GetRequiredService<ILogger<NodeSessions>>()));
        services.TryAddSingleton<IClusterGateway>(CreateGateway);
        services.TryAddSingleton<ClusterBackendStartup>();
        services.TryAddSingleton<IClusterBackendStatus>(sp => sp.GetRequiredService<ClusterBackendStartup>());
        services.AddHostedService(sp => sp.GetRequiredService<ClusterBackendStartup>());
        return builder;
    }

    private static IClusterGateway CreateGateway(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ClusterOptions>>();
        if (options.Value.Backend.Trim().Equals(ClusterOptions.PowerShellBackend, StringComparison.OrdinalIgnoreCase))
        {
            var powerShell = services.GetRequiredService<IOptions<PowerShellOptions>>().Value;
            var runner = services.GetRequiredService<NodeSessions>();
            return new PowerShellClusterGateway(
                runner, powerShell, options, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<PowerShellClusterGateway>>());
        }

        var lab = services.GetRequiredService<ILabCluster>() as LabCluster
            ?? throw new InvalidOperationException("The registered ILabCluster must come from LabClusters.");
        return new LabClusterGateway(lab, options, services.GetRequiredService<ILogger<LabClusterGateway>>());
    }
}
