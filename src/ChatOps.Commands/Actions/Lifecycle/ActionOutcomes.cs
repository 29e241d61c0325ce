using ChatOps.Commands.Replies;
using ChatOps.Commands.Subscriptions;
using Microsoft.Extensions.Logging;

namespace ChatOps.Commands.Actions.Lifecycle;

/// <summary>
/// Writes what running an action came to: the action moves to Done with its result, and its audit record is
/// appended. An outcome that arrives after another instance wrote the action off as Interrupted (this one was
/// held up) supersedes that: its record says it corrects the Interrupted one, and the conversation is told.
/// When the state store does not answer, the outcome is kept in the <see cref="IOutcomeOutbox"/>, and the
/// pending-action watch writes it the same way once the store answers again; the action stays Running until
/// then, so no other instance writes it off while its owner lives.
/// </summary>
internal sealed partial class ActionOutcomes(
    IPendingActions pending,
    IAuditLog audit,
    IChannelPublisher publisher,
    IOutcomeOutbox outbox,
    ILogger<ActionOutcomes> logger)
{
    /// <summary>Writes the outcome, or keeps it when the store does not answer; false when it was kept.</summary>
    public async Task<bool> RecordOrKeepAsync(PendingAction done, AuditRecord record)
    {
        try
        {
            await RecordAsync(done, record, CancellationToken.None);
            return true;
        }
        catch (StateUnavailableException ex)
        {
            await outbox.KeepAsync(new KeptOutcome(Guid.NewGuid().ToString("N"), done, record), CancellationToken.None);
            LogKept(done.Action, done.Target, done.Id, ex.Reason);
            return false;
        }
    }

    /// <summary>Writes the outcomes kept while the store did not answer, oldest first; throws at the first it still cannot write.</summary>
    public async Task DeliverKeptAsync(CancellationToken cancellationToken)
    {
        foreach (var kept in await outbox.ListAsync(cancellationToken))
        {
            await RecordAsync(kept.Done, kept.Record, cancellationToken);
            await outbox.RemoveAsync(kept.Id, cancellationToken);
            LogDelivered(kept.Done.Action, kept.Done.Target, kept.Done.Id, kept.Record.Decision);
        }
    }

    private async Task RecordAsync(PendingAction done, AuditRecord record, CancellationToken cancellationToken)
    {
        var superseded = !await pending.TryTransitionAsync(done.Id, PendingActionState.Running, done, cancellationToken)
            && await pending.TryTransitionAsync(done.Id, PendingActionState.Interrupted, done, cancellationToken);
        await audit.AppendAsync(superseded ? record with { Outcome = $"corrects the earlier Interrupted record: {record.Outcome}" } : record, cancellationToken);
        if (!superseded)
        {
            return;
        }

        // Written first, told second: a connector that fails here loses a message, never the record.
        LogSuperseded(done.Action, done.Target, done.Id, record.Decision);
        if (done.Address is { } address)
        {
            await publisher.SendAsync(address, new Reply
            {
                Heading = $"Correction: `{done.CommandText}` was reported interrupted with its outcome unknown",
                Blocks = [new TextBlock($"What happened: {record.Outcome}", record.Decision == AuditDecision.Executed ? TextStyle.Default : TextStyle.Attention)],
                Outcome = record.Decision == AuditDecision.Executed ? ReplyOutcome.Ok : ReplyOutcome.Failed,
            }, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Action} {Target} ({PendingId}) ran, but its outcome could not be written ({Reason}); kept in the outbox until the state store answers")]
    private partial void LogKept(string action, string target, string pendingId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The kept outcome of {Action} {Target} ({PendingId}) was written: {Decision}")]
    private partial void LogDelivered(string action, string target, string pendingId, AuditDecision decision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Action} {Target} ({PendingId}) had been written off as Interrupted by another instance; its real outcome ({Decision}) supersedes that")]
    private partial void LogSuperseded(string action, string target, string pendingId, AuditDecision decision);
}
