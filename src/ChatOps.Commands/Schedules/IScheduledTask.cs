namespace ChatOps.Commands.Schedules;

/// <summary>Work that runs on a schedule (the host decides when: Quartz.NET cron triggers).</summary>
public interface IScheduledTask
{
    /// <summary>Job name, e.g. <c>parity-sweep</c>; matches a key under <c>ChatOps:Schedules</c>.</summary>
    string Name { get; }

    /// <summary>Runs once, for <paramref name="fire"/>.</summary>
    Task RunAsync(ScheduledFire fire, CancellationToken cancellationToken);
}
