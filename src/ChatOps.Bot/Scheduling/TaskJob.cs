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
            // A recovered run is scheduled for the fire it recovers, so both carry the same fire.
            await task.RunAsync(new ScheduledFire(name, context.ScheduledFireTimeUtc ?? context.FireTimeUtc), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled job {Job} has no task registered")]
    private partial void LogNoTask(string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed")]
    private partial void LogFailed(Exception exception, string job);
}
