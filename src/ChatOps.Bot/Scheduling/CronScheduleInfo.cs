using ChatOps.Commands.Schedules;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatOps.Bot.Scheduling;

/// <summary>
/// Jobs and their next fire times, computed from the same cron expressions and time zone the
/// scheduler uses, so the terminal chat can answer <c>schedules</c> without running the scheduler.
/// </summary>
internal sealed class CronScheduleInfo(IOptions<ScheduleOptions> options, TimeProvider time) : IScheduleInfo
{
    public Task<IReadOnlyList<ScheduledJobInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone);
        var now = time.GetUtcNow();
        IReadOnlyList<ScheduledJobInfo> jobs = o.ByJob
            .Select(j => new ScheduledJobInfo(j.Key, j.Value, zone.Id, new CronExpression(j.Value, zone).GetNextValidTimeAfter(now)))
            .ToList();
        return Task.FromResult(jobs);
    }
}
