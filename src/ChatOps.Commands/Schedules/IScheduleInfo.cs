namespace ChatOps.Commands.Schedules;

/// <summary>Reads the scheduler's jobs for the <c>schedules</c> command.</summary>
public interface IScheduleInfo
{
    /// <summary>Every job with its next fire time.</summary>
    Task<IReadOnlyList<ScheduledJobInfo>> ListAsync(CancellationToken cancellationToken);
}
