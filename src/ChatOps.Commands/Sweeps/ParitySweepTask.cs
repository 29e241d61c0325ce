using ChatOps.Commands.Schedules;

namespace ChatOps.Commands.Sweeps;

/// <summary>The scheduled parity sweep.</summary>
internal sealed class ParitySweepTask(SweepRunner runner) : IScheduledTask
{
    public string Name => ScheduledJobs.ParitySweep;

    public Task RunAsync(ScheduledFire fire, CancellationToken cancellationToken) => runner.RunAsync(cancellationToken);
}
