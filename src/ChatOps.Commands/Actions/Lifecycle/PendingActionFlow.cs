using System.Buffers.Text;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using ChatOps.Commands.Access;
using ChatOps.Commands.Actions.Approvals;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Actions.Lifecycle;

/// <summary>
/// The life of a pending action: planned and previewed, stored bound to its requester with a nonce
/// and an expiry, decided by the rules of <see cref="DecisionRules"/> (once, by compare-and-set),
/// run by <see cref="ActionRunner"/>, with one audit record per step and every card of it kept true.
/// </summary>
internal sealed class PendingActionFlow(
    IEnumerable<ISafeAction> actions,
    IPendingActions pending,
    ActionAudit audit,
    ActionRunner runner,
    CardCopies cards,
    IApprovalDelivery approvals,
    IOptionsMonitor<ActionsOptions> options,
    IOptionsMonitor<AccessOptions> access,
    TimeProvider time)
{
    private readonly Dictionary<string, ISafeAction> _actions = actions.ToDictionary(a => a.Definition.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Plans the action and, unless refused, stores it and asks its requester to confirm.</summary>
    public async Task<Reply> RequestAsync(ISafeAction action, CommandRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var plan = await action.PlanAsync(request, cancellationToken);
        return await OfferAsync(action, plan, request.Text, request.HasFlag("force"), request.Context, started, cancellationToken);
    }

    /// <summary>Stores a plan that was not refused as a pending action bound to the caller and returns the card asking them to confirm.</summary>
    private async Task<Reply> OfferAsync(ISafeAction action, ActionPlan plan, string commandText, bool force, CommandContext context, long started, CancellationToken cancellationToken)
    {
        var name = action.Definition.Name;
        var now = time.GetUtcNow();
        var stored = new PendingAction
        {
            Id = RandomNumberGenerator.GetHexString(16, lowercase: true),
            Nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24)),
            Action = name,
            Target = plan.Target,
            Detail = plan.Detail,
            Premises = [.. plan.Premises],
            Address = context.Address,
            Force = force,
            RequesterId = context.Caller.PersonId,
            RequesterName = context.Caller.Name,
            RequesterChannelId = context.Caller.Id,
            PreviewJson = JsonSerializer.Serialize(plan.Preview.ToList()),
            ConversationId = context.ConversationId,
            TenantId = context.TenantId,
            CommandText = commandText,
            CreatedAt = now,
            ExpiresAt = now + options.CurrentValue.ConfirmTimeout,
            NeedsSecondApprover = plan.ForceSecondApprover || SecondApproverRequired(action),
        };
        var refusal = plan.Refusal ?? (stored.NeedsSecondApprover && await approvals.ReachAsync(stored, cancellationToken) is { Reachable: false } nobody
            ? $"This needs a second admin's approval, and no admin but you can be reached: {nobody.Where}. Nothing was stored."
            : null);
        if (refusal is not null)
        {
            await audit.AppendAsync(context, commandText, name, plan.Target, AuditDecision.Refused, refusal, started, null, cancellationToken);
            return new Reply { Heading = $"{name} {plan.Target}: refused", Blocks = [new TextBlock(refusal, TextStyle.Attention), .. plan.Preview], Outcome = ReplyOutcome.Failed };
        }

        await pending.AddAsync(stored, cancellationToken);
        await audit.AppendAsync(context, commandText, name, plan.Target, AuditDecision.Requested, "confirmation offered", started, stored.Id, cancellationToken);
        return PendingViews.WithShared(action, stored, context.Caller, Role.Admin, now);
    }

    /// <summary>How one person sees a pending action now (Teams asks for it when the card refreshes).</summary>
    public async Task<Reply> ViewAsync(string pendingId, CommandContext viewer, CancellationToken cancellationToken)
    {
        var stored = await pending.GetAsync(pendingId, cancellationToken);
        if (stored is null || !_actions.TryGetValue(stored.Action, out var action))
        {
            return Reply.Error("That confirmation is unknown or no longer valid.");
        }

        return stored.ShownIn(viewer.ConversationId, approving: true)
            ? PendingViews.For(action, stored, viewer.Caller, viewer.Role, time.GetUtcNow())
            : Reply.Error("That confirmation belongs to another conversation.");
    }

    /// <summary>Decides a pending action: a press of one of its buttons, or a typed <c>approve</c> / <c>reject</c>.</summary>
    public async Task<Reply> DecideAsync(Press press, CommandContext context, bool typed, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var text = typed ? $"{(press.Verb == CardWire.Confirm ? "approve" : "reject")} {press.PendingId}" : $"[{press.Verb}] {press.PendingId}";
        var stored = await pending.GetAsync(press.PendingId, cancellationToken);
        if (stored is null || !_actions.TryGetValue(stored.Action, out var action))
        {
            await audit.AppendAsync(context, text, "unknown", string.Empty, AuditDecision.Refused, "unknown confirmation", started, press.PendingId, cancellationToken);
            return Reply.Error("That confirmation is unknown or no longer valid.", typed ? "`pending` lists what waits for you." : "Run the command again to get a fresh preview.");
        }

        var now = time.GetUtcNow();
        var ruling = DecisionRules.Judge(stored, action.Definition.Role, new Attempt(press.Verb, press.Nonce, context.Caller, context.Role, context.ConversationId, context.TenantId, now, typed));
        var except = typed ? null : context.ConversationId;
        switch (ruling.Verdict)
        {
            case Verdict.Refuse:
                await audit.AppendAsync(context, text, stored.Action, stored.Target, AuditDecision.Refused, ruling.Reason!, started, stored.Id, cancellationToken);
                return Reply.Error(ruling.Reason!);
            case Verdict.ShowOutcome:
                return PendingViews.ResultOf(stored) is { } result ? PendingViews.Settled(result, stored) : Reply.Text("It is running; this card shows its outcome when it finishes.", $"{action.Describe(stored.Target, stored.Detail)}: running");
            case Verdict.Expire:
                var expired = await ExpireAsync(action, stored, context, text, started, cancellationToken);
                return expired ?? Raced;
            case Verdict.Cancel or Verdict.Reject:
                var what = ruling.Verdict == Verdict.Reject ? "Rejected" : "Cancelled";
                var closed = stored with { State = PendingActionState.Cancelled, Decisions = [.. stored.Decisions, Decided(what, context)] };
                if (!await MoveAsync(stored, closed, context, text, started, AuditDecision.Cancelled, what.ToLowerInvariant(), cancellationToken))
                {
                    return Raced;
                }

                var view = PendingViews.Settled(Reply.Text($"{what} by {context.Caller.Name}; nothing was done.", $"{action.Describe(stored.Target, stored.Detail)}: {what.ToLowerInvariant()}"), closed);
                await cards.PublishAsync(closed, view, except);
                return view;
            case Verdict.AskApproval:
                var awaiting = stored with
                {
                    State = PendingActionState.AwaitingApproval,
                    ExpiresAt = now + options.CurrentValue.ApprovalTimeout,
                    Decisions = [.. stored.Decisions, Decided("Confirmed", context)],
                };
                if (!await MoveAsync(stored, awaiting, context, text, started, AuditDecision.Confirmed, "waiting for a second admin", cancellationToken))
                {
                    return Raced;
                }

                await cards.AskApproversAsync(action, awaiting, cancellationToken);
                return PendingViews.WithShared(action, awaiting, context.Caller, Role.Admin, now);
        }

        var approving = ruling.Verdict == Verdict.Approve;
        var running = stored with
        {
            State = PendingActionState.Running,
            ApprovedBy = approving ? context.Caller.PersonId : null,
            Decisions = [.. stored.Decisions, Decided(approving ? "Approved" : "Confirmed", context)],
        };
        var start = await pending.TryStartAsync(stored.Id, stored.State, running, options.CurrentValue.ExecuteTimeout, cancellationToken);
        await Audited(start is not null, stored, context, text, started, approving ? AuditDecision.Approved : AuditDecision.Confirmed, "running", cancellationToken);
        if (start is null)
        {
            return Raced;
        }

        running = start;

        var outcome = await runner.RunAsync(action, running, context, text);
        if (outcome.Fresh is { } fresh && fresh.Refusal is null)
        {
            // The fresh preview is offered to the one who asked, whoever pressed (a second admin's approval may be what found the change).
            var requester = context with { Caller = Caller.ForPerson(running.RequesterId, running.RequesterName, running.RequesterChannelId), Address = running.Address, ConversationId = running.ConversationId };
            var offer = await OfferAsync(action, fresh, running.CommandText, running.Force, requester, Stopwatch.GetTimestamp(), CancellationToken.None);
            Reply Noted(Reply view) => view with { Heading = $"Not run. {action.Describe(fresh.Target, fresh.Detail)}, with the new preview?", Blocks = [.. outcome.Reply.Blocks.Take(1), .. view.Blocks], Outcome = ReplyOutcome.Failed };
            var shared = Noted(offer.SharedView ?? offer);
            // Every other card says so; the requester's own card, wherever the press came from, now carries the new request.
            await cards.PublishAsync(running, shared, except);
            if (running.CardMessageId is { } card && except != running.ConversationId && offer.Confirmation is { } fresher)
            {
                await CardSentAsync(fresher.PendingId, card, CancellationToken.None);
            }

            return (context.Caller.Is(running.RequesterId) ? Noted(offer) : shared) with { SharedView = shared };
        }

        var settled = PendingViews.Settled(outcome.Reply, running);
        await cards.PublishAsync(running, settled, except);
        return settled;
    }

    /// <summary>Closes an action whose window has passed (once: false when someone moved it first), audits it and updates its cards.</summary>
    public async Task<Reply?> ExpireAsync(ISafeAction action, PendingAction stored, CommandContext? context, string? text, long started, CancellationToken cancellationToken)
    {
        var expired = stored with { State = PendingActionState.Expired };
        if (!await pending.TryTransitionAsync(stored.Id, stored.State, expired, cancellationToken))
        {
            return null;
        }

        var why = $"expired at {stored.ExpiresAt:u}" + (stored.State == PendingActionState.AwaitingApproval ? " without a second admin's approval" : string.Empty);
        await (context is null
            ? audit.AppendStoredAsync(stored, AuditDecision.Expired, why, CancellationToken.None)
            : audit.AppendAsync(context, text!, stored.Action, stored.Target, AuditDecision.Expired, why, started, stored.Id, CancellationToken.None));
        var reply = Reply.Error($"This {(stored.State == PendingActionState.AwaitingApproval ? "request for approval" : "confirmation")} expired at {stored.ExpiresAt:HH:mm:ss} UTC; nothing was done.", "Run the command again to get a fresh preview.") with
        {
            Heading = $"{action.Describe(stored.Target, stored.Detail)}: expired",
        };
        var shared = PendingViews.WithHindsight(reply with { Blocks = [.. reply.Blocks, .. stored.Decisions.Length > 0 ? [new TextBlock(string.Join(' ', stored.Decisions), TextStyle.Subtle)] : Array.Empty<ReplyBlock>()] }, expired);
        await cards.PublishAsync(expired, shared, context?.ConversationId);
        return reply with { SharedView = shared };
    }

    /// <summary>Moves the action on (once) and audits the step; false, audited as refused, when someone moved it first.</summary>
    private async Task<bool> MoveAsync(PendingAction stored, PendingAction updated, CommandContext context, string text, long started, AuditDecision decision, string outcome, CancellationToken cancellationToken)
    {
        var moved = await pending.TryTransitionAsync(stored.Id, stored.State, updated, cancellationToken);
        await Audited(moved, stored, context, text, started, decision, outcome, cancellationToken);
        return moved;
    }

    /// <summary>Audits a decision that moved the action, or a press that came too late to move it.</summary>
    private Task Audited(bool moved, PendingAction stored, CommandContext context, string text, long started, AuditDecision decision, string outcome, CancellationToken cancellationToken) =>
        audit.AppendAsync(context, text, stored.Action, stored.Target, moved ? decision : AuditDecision.Refused, moved ? outcome : "already decided", started, stored.Id, cancellationToken);

    private static Reply Raced => Reply.Error("Someone decided on this action a moment ago; a confirmation works once.");

    /// <summary>What a pending action's card shows and where it is; null when the id is unknown.</summary>
    public async Task<PendingCard?> CardAsync(string? pendingId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(pendingId) || await pending.GetAsync(pendingId, cancellationToken) is not { } stored
            ? null
            : new PendingCard($"{stored.Action} {stored.Target}", stored.IsWaiting, stored.CardMessageId);

    /// <summary>Remembers which message carries a pending action's card (whatever its state).</summary>
    public async Task CardSentAsync(string pendingId, string messageId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3 && await pending.GetAsync(pendingId, cancellationToken) is { } stored; attempt++)
        {
            if (await pending.TryTransitionAsync(pendingId, stored.State, stored with { CardMessageId = messageId }, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Audits that the card offering a pending action never reached its conversation.</summary>
    public async Task CardUndeliverableAsync(string pendingId, string reason, CancellationToken cancellationToken)
    {
        if (await pending.GetAsync(pendingId, cancellationToken) is { } stored)
        {
            await audit.AppendStoredAsync(stored, AuditDecision.Undeliverable, reason, cancellationToken);
        }
    }

    /// <summary>The action a stored pending action is for, or null when no such action is registered.</summary>
    public ISafeAction? ActionOf(PendingAction stored) => _actions.GetValueOrDefault(stored.Action);

    /// <summary>One line of who decided what and when.</summary>
    private string Decided(string what, CommandContext context) => $"{what} by {context.Caller.Name} at {time.GetUtcNow():HH:mm:ss} UTC.";

    /// <summary>The action's declared default, unless <see cref="ActionsOptions.RequireSecondApprover"/> names the actions itself.</summary>
    private bool SecondApproverRequired(ISafeAction action) =>
        options.CurrentValue.RequireSecondApprover is { } configured
            ? configured.Contains(action.Definition.Name, StringComparer.OrdinalIgnoreCase)
            : action.SecondApproverByDefault && access.CurrentValue.Admins.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1;
}
