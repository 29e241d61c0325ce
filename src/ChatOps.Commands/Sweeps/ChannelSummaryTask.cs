using ChatOps.Commands.Schedules;

namespace ChatOps.Commands.Sweeps;

/// <summary>The scheduled summary to subscribed conversations.</summary>
internal sealed class ChannelSummaryTask(SummaryPublisher summaries) : IScheduledTask
{
    public string Name => ScheduledJobs.ChannelSummary;

    public Task RunAsync(ScheduledFire fire, CancellationToken cancellationToken) => summaries.PublishAsync(fire, cancellationToken);
}
