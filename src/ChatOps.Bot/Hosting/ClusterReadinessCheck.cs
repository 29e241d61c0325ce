using ChatOps.Clusters;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Bot.Hosting;

/// <summary><c>/readyz</c>: healthy once the cluster backend has loaded, describing what loaded.</summary>
internal sealed class ClusterReadinessCheck(IClusterBackendStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsReady
            ? HealthCheckResult.Healthy(status.Description, new Dictionary<string, object> { ["backend"] = status.Backend })
            : HealthCheckResult.Unhealthy($"{status.Backend} backend is still loading"));
}
