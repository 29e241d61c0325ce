using System.ComponentModel.DataAnnotations;
using ChatOps.Commands.Sweeps;

namespace ChatOps.Bot.Scheduling;

/// <summary>Cron schedules (Quartz syntax, seconds first). Section <c>ChatOps:Schedules</c>.</summary>
public sealed class ScheduleOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Schedules";

    /// <summary>The parity sweep. Default: <c>0 0 7 ? * MON-FRI</c> (07:00 on weekdays).</summary>
    [Required]
    public string Sweep { get; set; } = "0 0 7 ? * MON-FRI";

    /// <summary>The channel summary. Default: <c>0 30 7 ? * MON-FRI</c>.</summary>
    [Required]
    public string Summary { get; set; } = "0 30 7 ? * MON-FRI";

    /// <summary>Pruning of old sweeps. Default: <c>0 15 3 * * ?</c> (daily 03:15).</summary>
    [Required]
    public string Prune { get; set; } = "0 15 3 * * ?";

    /// <summary>Time zone of the cron expressions (IANA or Windows id). Default: <c>UTC</c>.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Cron per job name.</summary>
    public IReadOnlyDictionary<string, string> ByJob => new Dictionary<string, string>
    {
        [ScheduledJobs.ParitySweep] = Sweep,
        [ScheduledJobs.ChannelSummary] = Summary,
        [ScheduledJobs.Prune] = Prune,
    };
}
