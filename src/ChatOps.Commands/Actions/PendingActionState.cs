namespace ChatOps.Commands.Actions;

/// <summary>Life of a pending action; only forward moves are allowed.</summary>
public enum PendingActionState
{
    /// <summary>Waiting for the requester to confirm.</summary>
    AwaitingConfirmation,

    /// <summary>Confirmed; waiting for a second admin.</summary>
    AwaitingApproval,

    /// <summary>Claimed for execution.</summary>
    Running,

    /// <summary>Ran (successfully or not).</summary>
    Done,

    /// <summary>Was Running when the service stopped or crashed: its outcome is unknown.</summary>
    Interrupted,

    /// <summary>Cancelled by the requester.</summary>
    Cancelled,

    /// <summary>Not confirmed in time.</summary>
    Expired,
}
