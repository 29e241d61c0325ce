using System.Diagnostics;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Actions.Lifecycle;

/// <summary>The one builder of audit records: a step someone took (a request, a press, a refusal), or one about a stored action when nobody is at hand.</summary>
internal sealed class ActionAudit(IAuditLog audit, TimeProvider time)
{
    /// <summary>A step taken by the caller of <paramref name="context"/>; <paramref name="started"/> is a <see cref="Stopwatch"/> timestamp.</summary>
    public Task AppendAsync(CommandContext context, string text, string action, string target, AuditDecision decision, string outcome, long started, string? pendingId, CancellationToken cancellationToken) =>
        audit.AppendAsync(Record(context, text, action, target, decision, outcome, started, pendingId), cancellationToken);

    /// <summary>The record of a step taken by the caller of <paramref name="context"/>, to append later.</summary>
    public AuditRecord Record(CommandContext context, string text, string action, string target, AuditDecision decision, string outcome, long started, string? pendingId) =>
        new()
        {
            Time = time.GetUtcNow(),
            UserId = context.Caller.Id,
            UserName = context.Caller.Name,
            ConversationId = context.ConversationId,
            CommandText = text,
            Action = action,
            Target = target,
            Decision = decision,
            Outcome = outcome,
            DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            PendingId = pendingId,
        };

    /// <summary>A step about a stored action that no request took (start-up, a timer, a failed send): in its requester's name.</summary>
    public Task AppendStoredAsync(PendingAction stored, AuditDecision decision, string outcome, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditRecord
        {
            Time = time.GetUtcNow(),
            UserId = stored.RequesterId,
            UserName = stored.RequesterName,
            ConversationId = stored.ConversationId,
            CommandText = stored.CommandText,
            Action = stored.Action,
            Target = stored.Target,
            Decision = decision,
            Outcome = outcome,
            PendingId = stored.Id,
        }, cancellationToken);
}
