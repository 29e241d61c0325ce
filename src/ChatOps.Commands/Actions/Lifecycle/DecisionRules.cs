using System.Security.Cryptography;
using System.Text;
using ChatOps.Commands.Access;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Actions.Lifecycle;

/// <summary>What a decision on a pending action comes to.</summary>
internal enum Verdict
{
    /// <summary>Refused, with the reason; nothing changes.</summary>
    Refuse,

    /// <summary>Its window has closed: it becomes Expired.</summary>
    Expire,

    /// <summary>The requester confirmed: it runs.</summary>
    Run,

    /// <summary>The requester confirmed: it waits for a second admin.</summary>
    AskApproval,

    /// <summary>A second admin approved: it runs.</summary>
    Approve,

    /// <summary>The requester cancelled.</summary>
    Cancel,

    /// <summary>A second admin rejected.</summary>
    Reject,

    /// <summary>The person whose decision ran it pressed one of its buttons again (a double click): they get its outcome.</summary>
    ShowOutcome,
}

/// <summary>A decision's verdict, and why when refused.</summary>
internal sealed record Ruling(Verdict Verdict, string? Reason = null)
{
    public static Ruling Refused(string reason) => new(Verdict.Refuse, reason);
}

/// <summary>
/// One attempt to decide a pending action: a button press (with its nonce, from the conversation
/// of one of the action's cards) or a typed <c>approve</c> / <c>reject</c> (no nonce; it names the
/// action by id, from any conversation).
/// </summary>
internal sealed record Attempt(string Verb, string? Nonce, Caller Caller, Role Role, string ConversationId, string? TenantId, DateTimeOffset Now, bool Typed = false);

/// <summary>
/// The rules of deciding a pending action, as one pure function: who may confirm, approve, reject
/// or cancel it, where, until when, and once. Denies in doubt; the flow carries out the verdict.
/// </summary>
internal static class DecisionRules
{
    public static Ruling Judge(PendingAction stored, Role actionRole, Attempt attempt)
    {
        var requester = attempt.Caller.Is(stored.RequesterId);
        if (attempt.Verb is not (CardWire.Confirm or CardWire.Cancel))
        {
            return Ruling.Refused($"Unknown button `{attempt.Verb}`.");
        }

        if (!attempt.Typed && (attempt.Nonce is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(attempt.Nonce), Encoding.UTF8.GetBytes(stored.Nonce))))
        {
            return Ruling.Refused("This button does not match the request (wrong nonce); nothing was done.");
        }

        if (stored.TenantId is { Length: > 0 } tenant && !string.Equals(tenant, attempt.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return Ruling.Refused("This action was asked for in another tenant; it can only be decided from there.");
        }

        switch (stored.State)
        {
            case PendingActionState.Running or PendingActionState.Done:
                // Whoever's decision ran it sees what it did, whichever of its buttons they press again (a double click may land on Cancel).
                return attempt.Caller.Is(stored.ApprovedBy ?? stored.RequesterId)
                    ? new Ruling(Verdict.ShowOutcome)
                    : Ruling.Refused("This action was already confirmed and used; a confirmation works once.");
            case PendingActionState.Interrupted:
                return Ruling.Refused("This action was interrupted: the service instance running it stopped or stopped answering, so its outcome is unknown. Check the target before asking again.");
            case PendingActionState.Cancelled:
                return Ruling.Refused("This action was cancelled; nothing was done.");
            case PendingActionState.Expired:
                return Ruling.Refused("This confirmation expired; nothing was done.");
        }

        if (attempt.Role < actionRole)
        {
            return Ruling.Refused($"{AccessGate.Needs(stored.Action, actionRole, attempt.Role)} {attempt.Caller.HowToGrant(actionRole)}");
        }

        if (!attempt.Typed && !stored.ShownIn(attempt.ConversationId, approving: stored.State == PendingActionState.AwaitingApproval))
        {
            return Ruling.Refused("This confirmation belongs to another conversation; ask again here.");
        }

        if (attempt.Now > stored.ExpiresAt)
        {
            return new Ruling(Verdict.Expire);
        }

        if (stored.State == PendingActionState.AwaitingConfirmation)
        {
            return !requester ? Ruling.Refused($"Only {stored.RequesterName}, who asked for it, can confirm or cancel this.")
                : attempt.Verb == CardWire.Cancel ? new Ruling(Verdict.Cancel)
                : new Ruling(stored.NeedsSecondApprover ? Verdict.AskApproval : Verdict.Run);
        }

        return requester
            ? attempt.Verb == CardWire.Cancel ? new Ruling(Verdict.Cancel) : Ruling.Refused("A different admin must approve this (two-person rule).")
            : attempt.Role < Role.Admin ? Ruling.Refused($"Only an admin can approve this. {attempt.Caller.HowToGrant(Role.Admin)}")
            : new Ruling(attempt.Verb == CardWire.Confirm ? Verdict.Approve : Verdict.Reject);
    }
}
