namespace ChatOps.Commands.Actions;

/// <summary>The kinds of audited decision.</summary>
public enum AuditDecision
{
    /// <summary>An action was requested and a confirmation offered.</summary>
    Requested,

    /// <summary>A request or confirmation was refused (role, target, quorum, nonce, owner, state).</summary>
    Refused,

    /// <summary>The requester confirmed.</summary>
    Confirmed,

    /// <summary>A second admin approved.</summary>
    Approved,

    /// <summary>The requester cancelled.</summary>
    Cancelled,

    /// <summary>The confirmation window passed.</summary>
    Expired,

    /// <summary>The action ran; see the outcome.</summary>
    Executed,

    /// <summary>The action ran and failed.</summary>
    Failed,

    /// <summary>The action was running when the service stopped; its outcome is unknown.</summary>
    Interrupted,

    /// <summary>The confirmation card could not be delivered, so nobody can press its buttons.</summary>
    Undeliverable,

    /// <summary>A message was acknowledged but never answered: left unhandled by a crash or a stop past its replay window, or its conversation is gone.</summary>
    Unanswered,
}
