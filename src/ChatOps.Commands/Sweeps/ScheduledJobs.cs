namespace ChatOps.Commands.Sweeps;

/// <summary>Names of the scheduled jobs, as keys under <c>ChatOps:Schedules</c> know them.</summary>
public static class ScheduledJobs
{
    /// <summary>The parity sweep.</summary>
    public const string ParitySweep = "parity-sweep";

    /// <summary>The summary posted to subscribed conversations.</summary>
    public const string ChannelSummary = "channel-summary";

    /// <summary>Deleting sweeps older than <see cref="SweepOptions.KeepDays"/>.</summary>
    public const string Prune = "prune";
}
