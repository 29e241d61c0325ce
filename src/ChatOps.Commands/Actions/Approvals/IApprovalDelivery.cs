using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Actions.Approvals;

/// <summary>
/// Where a second admin's approval is asked, beyond the conversation the action was asked in: the
/// approvals conversation (<see cref="ActionsOptions.ApprovalsConversation"/>) and the personal
/// chats of the admins who may approve. Implemented by the chat channel.
/// </summary>
public interface IApprovalDelivery
{
    /// <summary>Whether anyone but the requester can be asked to approve this action, and where (nothing is sent).</summary>
    Task<ApproverReach> ReachAsync(PendingAction action, CancellationToken cancellationToken);

    /// <summary>
    /// Sends the request: the approvals conversation gets <paramref name="shared"/>, which shows each
    /// eligible admin their own Approve / Reject and names them; each eligible admin's personal chat
    /// gets <paramref name="approverView"/>. A copy that cannot be sent is logged and left out.
    /// </summary>
    /// <returns>The copies sent.</returns>
    Task<IReadOnlyList<CardCopy>> AskAsync(PendingAction action, Reply shared, Reply approverView, CancellationToken cancellationToken);

    /// <summary>Replaces each copy with <paramref name="view"/> (what everyone sees now); a copy that cannot be updated is logged.</summary>
    Task UpdateAsync(IReadOnlyList<CardCopy> copies, Reply view, CancellationToken cancellationToken);
}

/// <summary>Whether a second admin can be reached for an action, and where (or why not).</summary>
/// <param name="Reachable">Whether anyone but the requester can be asked.</param>
/// <param name="Where">Where they are asked ("the approvals channel and 2 admins' personal chats"), or why nobody can be.</param>
public sealed record ApproverReach(bool Reachable, string Where);
