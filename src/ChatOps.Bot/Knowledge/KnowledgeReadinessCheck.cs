using ChatOps.Knowledge;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Bot.Knowledge;

/// <summary>
/// <c>/readyz</c>: how many runbooks loaded and which files were skipped. Skipped files make it
/// degraded (still ready: the other articles serve); no article at all makes it unhealthy.
/// </summary>
internal sealed class KnowledgeReadinessCheck(IKnowledgeBase knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = knowledge.Status;
        var data = new Dictionary<string, object>
        {
            ["folder"] = status.Path,
            ["loaded"] = status.Loaded,
            ["failed"] = status.FailedFiles,
            ["problems"] = status.Problems.Select(p => p.ToString()).ToList(),
        };
        var description = $"{status.Loaded} runbooks loaded" + (status.FailedFiles.Count > 0 ? $"; skipped {string.Join(", ", status.FailedFiles)}" : string.Empty);
        var result = !status.IsReady ? HealthCheckResult.Unhealthy(status.LoadedAt is null ? "runbooks are still loading" : description, data: data)
            : status.Problems.Count > 0 ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
        return Task.FromResult(result);
    }
}
