namespace ChatOps.Commands.Schedules;

/// <summary>
/// One fire of a scheduled job: the job and the time it was scheduled for. A run that recovers a
/// fire cut off by a dead instance carries the same scheduled time, so the same <see cref="Id"/>.
/// </summary>
public sealed record ScheduledFire(string Job, DateTimeOffset ScheduledAt)
{
    /// <summary>The fire's identity, e.g. <c>channel-summary@2026-12-01T07:30:00.0000000Z</c>.</summary>
    public string Id => $"{Job}@{ScheduledAt.UtcDateTime:O}";
}
