namespace ChatOps.Commands.Schedules;

/// <summary>A scheduled job as the scheduler sees it.</summary>
public sealed record ScheduledJobInfo(string Name, string Cron, string TimeZone, DateTimeOffset? NextFire);
