using Microsoft.Extensions.Options;
using Quartz;

namespace ChatOps.Bot.Scheduling;

/// <summary>Checks every cron expression and the time zone at start, naming the key at fault.</summary>
internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        Check(options.Sweep, nameof(options.Sweep), failures);
        Check(options.Summary, nameof(options.Summary), failures);
        Check(options.Prune, nameof(options.Prune), failures);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"ChatOps:Schedules:TimeZone '{options.TimeZone}' is not a known time zone (try UTC or Europe/Berlin).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string cron, string key, List<string> failures)
    {
        if (!CronExpression.TryParse(cron, out _))
        {
            failures.Add($"ChatOps:Schedules:{key} '{cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. 0 0 7 ? * MON-FRI).");
        }
    }
}
