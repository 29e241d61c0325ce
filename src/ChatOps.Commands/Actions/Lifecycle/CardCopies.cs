using ChatOps.Commands.Access;
using ChatOps.Commands.Actions.Approvals;
using ChatOps.Commands.Replies;
using Microsoft.Extensions.Logging;

namespace ChatOps.Commands.Actions.Lifecycle;

/// <summary>
/// Every card of a pending action outside the turn at hand: the approvers' copies it asks for, and
/// once anyone decides, each copy and the requester's own card updated to what everyone sees now.
/// </summary>
internal sealed partial class CardCopies(IPendingActions pending, IApprovalDelivery approvals, TimeProvider time, ILogger<CardCopies> logger)
{
    /// <summary>Asks the approvers of an action now awaiting approval, and remembers where the copies went.</summary>
    public async Task AskApproversAsync(ISafeAction action, PendingAction awaiting, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var shared = PendingViews.For(action, awaiting, null, Role.Reader, now);
        var approver = PendingViews.ForApprover(action, awaiting, now);
        IReadOnlyList<CardCopy> copies;
        try
        {
            copies = await approvals.AskAsync(awaiting, shared, approver, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAskFailed(ex, awaiting.Action, awaiting.Target);
            return;
        }

        // Decided meanwhile (an approver was quick): the decision's own update may have missed these copies.
        for (var attempt = 0; attempt < 3 && copies.Count > 0; attempt++)
        {
            var current = await pending.GetAsync(awaiting.Id, CancellationToken.None);
            if (current is null)
            {
                return;
            }

            if (await pending.TryTransitionAsync(current.Id, current.State, current with { Copies = [.. current.Copies, .. copies] }, CancellationToken.None))
            {
                if (!current.IsWaiting)
                {
                    await approvals.UpdateAsync(copies, PendingViews.For(action, current, null, Role.Reader, time.GetUtcNow()), CancellationToken.None);
                }

                return;
            }
        }
    }

    /// <summary>
    /// Shows <paramref name="view"/> on every card of the action but those in <paramref name="exceptConversation"/>
    /// (where the press came from: the turn updates that card itself).
    /// </summary>
    public async Task PublishAsync(PendingAction stored, Reply view, string? exceptConversation)
    {
        var cards = stored.Copies.ToList();
        if (stored.CardMessageId is { Length: > 0 } id && stored.Address is { Length: > 0 } address)
        {
            cards.Add(new CardCopy { ConversationId = stored.ConversationId, Address = address, MessageId = id });
        }

        cards.RemoveAll(c => c.ConversationId == exceptConversation);
        if (cards.Count == 0)
        {
            return;
        }

        try
        {
            await approvals.UpdateAsync(cards, view with { SharedView = null }, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUpdateFailed(ex, stored.Action, stored.Target);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not ask the approvers of {Action} {Target}; it can still be approved where it was asked or with `approve <id>`")]
    private partial void LogAskFailed(Exception exception, string action, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the cards of {Action} {Target}")]
    private partial void LogUpdateFailed(Exception exception, string action, string target);
}
