using System.Globalization;
using ChatOps.Commands.Schedules;
using Quartz;

namespace ChatOps.Bot.Scheduling;

/// <summary>Runs the <see cref="IScheduledTask"/> named by the job key. Never twice at once.</summary>
[DisallowConcurrentExecution]
internal sealed partial class TaskJob(IEnumerable<IScheduledTask> tasks, ILogger<TaskJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.JobDetail.Key.Name;
        var task = tasks.FirstOrDefault(t => t.Name == name);
        if (task is null)
        {
            LogNoTask(name);
            return;
        }

        try
        {
            await task.RunAsync(new ScheduledFire(name, ScheduledAt(context)), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, name);
        }
    }

    /// <summary>
    /// The time the fire this run is for was scheduled at, the same in a run that recovers it. Quartz schedules
    /// the run recovering a dead instance's fire at that fire's <em>actual</em> time, a few milliseconds late;
    /// the time it was scheduled for travels in the recovery trigger's data
    /// (<see cref="SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime"/>, written with the invariant culture).
    /// </summary>
    internal static DateTimeOffset ScheduledAt(IJobExecutionContext context) =>
        context.Recovering
        && context.MergedJobDataMap.GetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime) is { } original
        && DateTimeOffset.TryParse(original, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var scheduled)
            ? scheduled.ToUniversalTime()
            : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled job {Job} has no task registered")]
    private partial void LogNoTask(string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed")]
    private partial void LogFailed(Exception exception, string job);
}
