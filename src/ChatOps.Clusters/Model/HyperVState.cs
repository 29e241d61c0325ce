namespace ChatOps.Clusters.Model;

/// <summary>
/// Hyper-V's idea of a VM on one node. The <c>Critical</c> variants mean the VM's storage
/// is unreachable from that node.
/// </summary>
public enum HyperVState
{
    /// <summary>Turned off.</summary>
    Off,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Memory saved to disk; not running.</summary>
    Saved,

    /// <summary>Paused in memory.</summary>
    Paused,

    /// <summary>Starting.</summary>
    Starting,

    /// <summary>Saving its memory to disk.</summary>
    Saving,

    /// <summary>Shutting down.</summary>
    Stopping,

    /// <summary>Off, storage unreachable.</summary>
    OffCritical,

    /// <summary>Running, storage unreachable.</summary>
    RunningCritical,

    /// <summary>Saved, storage unreachable.</summary>
    SavedCritical,

    /// <summary>Paused, storage unreachable.</summary>
    PausedCritical,

    /// <summary>Starting, storage unreachable.</summary>
    StartingCritical,

    /// <summary>Saving, storage unreachable.</summary>
    SavingCritical,

    /// <summary>Stopping, storage unreachable.</summary>
    StoppingCritical,

    /// <summary>The guest hibernated itself: off to Hyper-V, its memory in the guest's own disk.</summary>
    Hibernated,

    /// <summary>A state Hyper-V reported that the bot does not judge (ComponentServicing, Other, a future value).</summary>
    Other,
}
