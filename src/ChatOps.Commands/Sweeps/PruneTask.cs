using ChatOps.Commands.Schedules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Sweeps;

/// <summary>The daily prune: sweeps older than <see cref="SweepOptions.KeepDays"/> go. The audit log is never pruned.</summary>
internal sealed partial class PruneTask(ISweepHistory history, IOptionsMonitor<SweepOptions> options, TimeProvider time, ILogger<PruneTask> logger) : IScheduledTask
{
    public string Name => ScheduledJobs.Prune;

    public async Task RunAsync(ScheduledFire fire, CancellationToken cancellationToken)
    {
        var keepDays = options.CurrentValue.KeepDays;
        var pruned = await history.PruneAsync(time.GetUtcNow().AddDays(-keepDays), cancellationToken);
        LogPruned(pruned, keepDays);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} sweeps older than {Days} days")]
    private partial void LogPruned(int count, int days);
}
