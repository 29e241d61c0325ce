using System.Buffers.Text;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatOps.Commands.Access;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Actions;

/// <summary>
/// The confirmation flow every action goes through: plan and preview, a stored pending action
/// bound to its requester with a nonce and an expiry, single use, role checked again at confirm
/// time, the two-person rule, and one audit record per decision.
/// </summary>
public sealed partial class ActionConfirmations(
    IEnumerable<ISafeAction> actions,
    IPendingActions pending,
    IAuditLog audit,
    IAccessPolicy access,
    IOptionsMonitor<ActionsOptions> options,
    IOptionsMonitor<AccessOptions> accessOptions,
    TimeProvider time,
    ILogger<ActionConfirmations> logger,
    IHostApplicationLifetime? lifetime = null)
{
    /// <summary>Verb of the Confirm button.</summary>
    public const string ConfirmVerb = "confirm";

    /// <summary>Verb of the Cancel button.</summary>
    public const string CancelVerb = "cancel";

    private readonly Dictionary<string, ISafeAction> _actions = actions.ToDictionary(a => a.Definition.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Plans the action and, unless refused, stores it and asks for confirmation.</summary>
    public async Task<Reply> RequestAsync(ISafeAction action, CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var plan = await action.PlanAsync(request, cancellationToken);
        var name = action.Definition.Name;
        var context = request.Context;
        if (plan.Refusal is not null)
        {
            await AuditAsync(context, request.Text, name, plan.Target, AuditDecision.Refused, plan.Refusal, started, null, cancellationToken);
            return new Reply { Heading = $"{name} {plan.Target}: refused", Blocks = [new TextBlock(plan.Refusal, TextStyle.Attention), .. plan.Preview], Outcome = ReplyOutcome.Failed };
        }

        return await OfferAsync(action, plan, request.Text, request.HasFlag("force"), context, started, cancellationToken);
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
            CommandText = commandText,
            CreatedAt = now,
            ExpiresAt = now + options.CurrentValue.ConfirmTimeout,
            NeedsSecondApprover = plan.ForceSecondApprover || SecondApproverRequired(name),
        };
        await pending.AddAsync(stored, cancellationToken);
        await AuditAsync(context, commandText, name, plan.Target, AuditDecision.Requested, "confirmation offered", started, stored.Id, cancellationToken);
        return View(action, stored, context.Caller, Role.Admin) with { SharedView = View(action, stored, null, Role.Reader) };
    }

    /// <summary>
    /// How one person sees a pending action now (Teams asks for it when the card refreshes): the
    /// requester gets Confirm and Cancel; once confirmed, a different admin gets Approve and Reject
    /// and the requester Cancel; everyone else what is pending, for whom and until when, without
    /// buttons; and after the decision, everyone the outcome.
    /// </summary>
    public async Task<Reply> ViewAsync(string? pendingId, CommandContext viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var stored = string.IsNullOrEmpty(pendingId) ? null : await pending.GetAsync(pendingId, cancellationToken);
        if (stored is null || !_actions.TryGetValue(stored.Action, out var action))
        {
            return Reply.Error("That confirmation is unknown or no longer valid.");
        }

        if (stored.ConversationId != viewer.ConversationId)
        {
            return Reply.Error("That confirmation belongs to another conversation.");
        }

        Role role;
        try
        {
            role = access.RoleOf(viewer.Caller);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAccessCheckFailed(ex, stored.Action, viewer.Caller.Id);
            role = Role.Reader;
        }

        return View(action, stored, viewer.Caller, role);
    }

    /// <summary>The view of a stored action for a viewer (null: anyone, the card everyone sees).</summary>
    private Reply View(ISafeAction action, PendingAction stored, Caller? viewer, Role role)
    {
        var question = action.Describe(stored.Target, stored.Detail);
        var preview = PreviewOf(stored);
        var requester = viewer is not null && viewer.Is(stored.RequesterId);
        var expires = $"{stored.ExpiresAt:HH:mm:ss} UTC";
        if (!stored.IsWaiting || time.GetUtcNow() > stored.ExpiresAt)
        {
            var settled = stored.IsWaiting ? "expired" : stored.State.ToString().ToLowerInvariant();
            return new Reply
            {
                Heading = $"{question}: {settled}",
                Blocks = stored.Decisions.Length == 0 ? [new TextBlock($"Requested by {stored.RequesterName}; nothing was decided before it {settled}.", TextStyle.Subtle)] : [new TextBlock(string.Join(' ', stored.Decisions), TextStyle.Subtle)],
                Details = preview,
            };
        }

        var refresh = new CardRefresh(stored.Id, stored.RequesterChannelId is { } id ? [id] : [], ForAdmins: stored.State == PendingActionState.AwaitingApproval);
        if (stored.State == PendingActionState.AwaitingConfirmation)
        {
            if (requester)
            {
                var prompt = $"Only {stored.RequesterName} can confirm, within {Minutes(stored.ExpiresAt - time.GetUtcNow())}." +
                    (stored.NeedsSecondApprover ? " After that, a second admin must approve." : string.Empty);
                return new Reply { Heading = question + "?", Blocks = preview, Confirmation = new ConfirmationRequest(stored.Id, stored.Nonce, prompt, stored.ExpiresAt, action.IsDestructive), Refresh = refresh };
            }

            return new Reply
            {
                Heading = question + "?",
                Blocks = [new TextBlock($"Requested by {stored.RequesterName}, who alone can confirm it, until {expires}.", TextStyle.Subtle)],
                Details = preview,
                Refresh = refresh,
            };
        }

        var confirmed = string.Join(' ', stored.Decisions);
        if (!requester && viewer is not null && role >= Role.Admin)
        {
            return new Reply
            {
                Heading = question + "?",
                Blocks = [new TextBlock($"{confirmed} A second admin must approve before it runs, until {expires}."), .. preview],
                Confirmation = new ConfirmationRequest(stored.Id, stored.Nonce, "Approve only if it should run now; Reject cancels it.", stored.ExpiresAt, action.IsDestructive, "Approve", "Reject"),
                Refresh = refresh,
            };
        }

        return new Reply
        {
            Heading = question + ": waiting for a second admin",
            Blocks = [new TextBlock($"{confirmed} Another admin must approve before it runs, until {expires}.")],
            Details = preview,
            Confirmation = requester ? new ConfirmationRequest(stored.Id, stored.Nonce, "You can still cancel it.", stored.ExpiresAt, action.IsDestructive, ConfirmTitle: null) : null,
            Refresh = refresh,
        };
    }

    /// <summary>The preview the requester was shown; empty when none was stored (or it no longer reads).</summary>
    private static IReadOnlyList<ReplyBlock> PreviewOf(PendingAction stored)
    {
        try
        {
            return stored.PreviewJson is { } json ? JsonSerializer.Deserialize<List<ReplyBlock>>(json) ?? [] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>One line of who decided what and when.</summary>
    private string Decided(string what, CommandContext context) => $"{what} by {context.Caller.Name} at {time.GetUtcNow():HH:mm:ss} UTC.";

    /// <summary>A decision's answer, which everyone sees in place of the card: who decided and when, and the preview folded away.</summary>
    private static Reply Settled(Reply reply, PendingAction decided)
    {
        var shown = reply with { Blocks = [.. reply.Blocks, new TextBlock(string.Join(' ', decided.Decisions), TextStyle.Subtle)], Details = PreviewOf(decided) };
        return shown with { SharedView = shown };
    }

    /// <summary>A press whose data is not what the buttons send (wrong types, oversized): refused and audited, the data itself not stored.</summary>
    public async Task<Reply> RefuseMalformedAsync(CommandContext context, int maxFieldLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await AuditAsync(context, "[malformed button press]", "unknown", string.Empty, AuditDecision.Refused, "malformed button data", Stopwatch.GetTimestamp(), null, cancellationToken);
        return Reply.Error($"That button's data is not what my buttons send (a pending-action id is text of at most {maxFieldLength} characters); nothing was done.");
    }

    /// <summary>Audits that the card offering a pending action never reached its conversation.</summary>
    public async Task RecordUndeliverableAsync(string pendingId, string reason, CancellationToken cancellationToken)
    {
        if (await pending.GetAsync(pendingId, cancellationToken) is not { } stored)
        {
            return;
        }

        LogUndeliverable(stored.Action, stored.Target, pendingId);
        await AuditStoredAsync(stored, AuditDecision.Undeliverable, reason, cancellationToken);
    }

    /// <summary>Whether a pending action still waits for a decision (a card showing it as pending is still true).</summary>
    public async Task<bool> IsPendingAsync(string pendingId, CancellationToken cancellationToken) =>
        await pending.GetAsync(pendingId, cancellationToken) is { IsWaiting: true };

    /// <summary>Remembers which message carries a pending action's card (unless it was decided meanwhile).</summary>
    public async Task RecordCardAsync(string pendingId, string messageId, CancellationToken cancellationToken)
    {
        if (await pending.GetAsync(pendingId, cancellationToken) is { } stored)
        {
            await pending.TryTransitionAsync(pendingId, stored.State, stored with { CardMessageId = messageId }, cancellationToken);
        }
    }

    /// <summary>The message that carries a pending action's card, or null when unknown.</summary>
    public async Task<string?> CardMessageIdAsync(string? pendingId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(pendingId) ? null : (await pending.GetAsync(pendingId, cancellationToken))?.CardMessageId;

    /// <summary>What a pending action does ("kill clussvc HV04"), or null when the id is unknown.</summary>
    public async Task<string?> DescribeAsync(string? pendingId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(pendingId) ? null : await pending.GetAsync(pendingId, cancellationToken) is { } stored ? $"{stored.Action} {stored.Target}" : null;

    /// <summary>Handles a Confirm or Cancel press (or a terminal y/N) for a pending action.</summary>
    public async Task<Reply> DecideAsync(string? verb, string? pendingId, string? nonce, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var text = $"[{verb}] {pendingId}";
        var stored = string.IsNullOrEmpty(pendingId) ? null : await pending.GetAsync(pendingId, cancellationToken);
        if (stored is null || !_actions.TryGetValue(stored.Action, out var action))
        {
            await AuditAsync(context, text, "unknown", string.Empty, AuditDecision.Refused, "unknown confirmation", started, pendingId, cancellationToken);
            return Reply.Error("That confirmation is unknown or no longer valid.", "Run the command again to get a fresh preview.");
        }

        var refusal = Check(stored, action, verb, nonce, context);
        if (refusal is not null)
        {
            await AuditAsync(context, text, stored.Action, stored.Target, AuditDecision.Refused, refusal, started, stored.Id, cancellationToken);
            return Reply.Error(refusal);
        }

        var expected = stored.State;
        if (time.GetUtcNow() > stored.ExpiresAt)
        {
            if (!await pending.TryTransitionAsync(stored.Id, expected, stored with { State = PendingActionState.Expired }, cancellationToken))
            {
                return await ClosedOrAsync(false, context, text, stored, started, AuditDecision.Refused, string.Empty, Reply.Text(string.Empty), cancellationToken);
            }

            await AuditAsync(context, text, stored.Action, stored.Target, AuditDecision.Expired, $"expired at {stored.ExpiresAt:u}", started, stored.Id, cancellationToken);
            var expired = Reply.Error($"This confirmation expired at {stored.ExpiresAt:HH:mm:ss} UTC; nothing was done.", "Run the command again to get a fresh preview.") with
            {
                Heading = $"{action.Describe(stored.Target, stored.Detail)}: expired",
            };
            return expired with { SharedView = expired with { Details = PreviewOf(stored) } };
        }

        if (verb == CancelVerb)
        {
            var what = expected == PendingActionState.AwaitingApproval && !context.Caller.Is(stored.RequesterId) ? "Rejected" : "Cancelled";
            var closed = stored with { State = PendingActionState.Cancelled, Decisions = [.. stored.Decisions, Decided(what, context)] };
            var cancelled = await pending.TryTransitionAsync(stored.Id, expected, closed, cancellationToken);
            return await ClosedOrAsync(cancelled, context, text, stored, started, AuditDecision.Cancelled, what.ToLowerInvariant(),
                Settled(Reply.Text($"{what} by {context.Caller.Name}; nothing was done.", $"{action.Describe(stored.Target, stored.Detail)}: {what.ToLowerInvariant()}"), closed), cancellationToken);
        }

        if (expected == PendingActionState.AwaitingConfirmation && stored.NeedsSecondApprover)
        {
            var awaiting = stored with
            {
                State = PendingActionState.AwaitingApproval,
                ExpiresAt = time.GetUtcNow() + options.CurrentValue.ConfirmTimeout,
                Decisions = [.. stored.Decisions, Decided("Confirmed", context)],
            };
            var moved = await pending.TryTransitionAsync(stored.Id, expected, awaiting, cancellationToken);
            return await ClosedOrAsync(moved, context, text, stored, started, AuditDecision.Confirmed, "waiting for a second admin",
                View(action, awaiting, context.Caller, Role.Admin) with { SharedView = View(action, awaiting, null, Role.Reader) }, cancellationToken);
        }

        var approving = expected == PendingActionState.AwaitingApproval;
        var running = stored with
        {
            State = PendingActionState.Running,
            ApprovedBy = approving ? context.Caller.PersonId : null,
            Decisions = [.. stored.Decisions, Decided(approving ? "Approved" : "Confirmed", context)],
        };
        if (!await pending.TryTransitionAsync(stored.Id, expected, running, cancellationToken))
        {
            return await ClosedOrAsync(false, context, text, stored, started, AuditDecision.Refused, string.Empty, Reply.Text(string.Empty), cancellationToken);
        }

        var decision = expected == PendingActionState.AwaitingApproval ? AuditDecision.Approved : AuditDecision.Confirmed;
        await AuditAsync(context, text, stored.Action, stored.Target, decision, "running", started, stored.Id, cancellationToken);
        var result = await ExecuteAsync(action, running, context, text);
        // A re-check that offers a fresh preview has its own card for everyone; any other result replaces this one.
        return result.SharedView is not null ? result : Settled(result, running);
    }

    private string? Check(PendingAction stored, ISafeAction action, string? verb, string? nonce, CommandContext context)
    {
        if (verb is not (ConfirmVerb or CancelVerb))
        {
            return $"Unknown button `{verb}`.";
        }

        if (nonce is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(stored.Nonce)))
        {
            return "This button does not match the request (wrong nonce); nothing was done.";
        }

        Role role;
        try
        {
            role = access.RoleOf(context.Caller);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAccessCheckFailed(ex, stored.Action, context.Caller.Id);
            return "Your access could not be checked, so this is denied.";
        }

        return stored.State switch
        {
            PendingActionState.Running or PendingActionState.Done => "This action was already confirmed and used; a confirmation works once.",
            PendingActionState.Interrupted => "This action was interrupted by a restart of the service; its outcome is unknown. Check the target before asking again.",
            PendingActionState.Cancelled => "This action was cancelled; nothing was done.",
            PendingActionState.Expired => "This confirmation expired; nothing was done.",
            _ when role < action.Definition.Role => $"`{stored.Action}` needs the {action.Definition.Role.ToString().ToLowerInvariant()} role; you are {role.ToString().ToLowerInvariant()}. {context.Caller.HowToGrant(action.Definition.Role)}",
            _ when stored.ConversationId != context.ConversationId => "This confirmation belongs to another conversation; ask again here.",
            PendingActionState.AwaitingConfirmation when !context.Caller.Is(stored.RequesterId) =>
                $"Only {stored.RequesterName}, who asked for it, can confirm or cancel this.",
            PendingActionState.AwaitingApproval when verb == ConfirmVerb && context.Caller.Is(stored.RequesterId) =>
                "A different admin must approve this (two-person rule).",
            PendingActionState.AwaitingApproval when role < Role.Admin && !(verb == CancelVerb && context.Caller.Is(stored.RequesterId)) =>
                $"Only an admin can approve this. {context.Caller.HowToGrant(Role.Admin)}",
            _ => null,
        };
    }

    private async Task<Reply> ClosedOrAsync(bool moved, CommandContext context, string text, PendingAction stored, long started, AuditDecision decision, string outcome, Reply reply, CancellationToken cancellationToken)
    {
        if (!moved)
        {
            await AuditAsync(context, text, stored.Action, stored.Target, AuditDecision.Refused, "already decided", started, stored.Id, cancellationToken);
            return Reply.Error("Someone decided on this action a moment ago; a confirmation works once.");
        }

        await AuditAsync(context, text, stored.Action, stored.Target, decision, outcome, started, stored.Id, cancellationToken);
        return reply;
    }

    /// <summary>
    /// Runs a confirmed action under its own token (the execute timeout and host shutdown), never the
    /// request's: a request that ends mid-action (Teams gave up, the client went away) neither stops
    /// it half-way nor leaves it Running; its outcome and the Done state are always written. Just
    /// before it runs, the action is planned again on a fresh snapshot: if that plan refuses, or the
    /// facts the confirmed preview rested on changed, nothing runs and a fresh preview is offered.
    /// </summary>
    private async Task<Reply> ExecuteAsync(ISafeAction action, PendingAction running, CommandContext context, string text)
    {
        var started = Stopwatch.GetTimestamp();
        using var own = new CancellationTokenSource(options.CurrentValue.ExecuteTimeout, time);
        using var stopping = lifetime?.ApplicationStopping.Register(own.Cancel);
        Reply reply;
        AuditDecision decision;
        try
        {
            var fresh = await action.ReplanAsync(running, own.Token);
            if (Changed(running, fresh) is { } change)
            {
                reply = await ReofferAsync(action, running, fresh, change, context, own.Token);
                decision = AuditDecision.Refused;
            }
            else
            {
                LogRunning(running.Action, running.Target, running.Id);
                reply = await action.ExecuteAsync(running, own.Token);
                decision = reply.Outcome == ReplyOutcome.Ok ? AuditDecision.Executed : AuditDecision.Failed;
            }
        }
        catch (OperationCanceledException)
        {
            // The action's own deadline or shutdown, or a timeout inside the backend: its failure either way.
            reply = lifetime?.ApplicationStopping.IsCancellationRequested == true
                ? Reply.Error($"`{running.Action} {running.Target}` was interrupted by the service stopping; its outcome is unknown: check the node before retrying.")
                : Reply.Error($"`{running.Action} {running.Target}` did not finish within {options.CurrentValue.ExecuteTimeout.TotalSeconds:N0} s; check the node before retrying.");
            decision = AuditDecision.Failed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogActionFailed(ex, running.Action, running.Target);
            reply = Reply.Error($"`{running.Action} {running.Target}` failed: {ex.Message}");
            decision = AuditDecision.Failed;
        }

        await pending.TryTransitionAsync(running.Id, PendingActionState.Running, running with { State = PendingActionState.Done }, CancellationToken.None);
        var summary = reply.Heading ?? reply.Blocks.OfType<TextBlock>().FirstOrDefault()?.Text ?? decision.ToString();
        await AuditAsync(context, text, running.Action, running.Target, decision, summary, started, running.Id, CancellationToken.None);
        return reply;
    }

    /// <summary>Why the fresh plan no longer matches what was confirmed, or null when it still does.</summary>
    private static string? Changed(PendingAction confirmed, ActionPlan fresh) =>
        fresh.Refusal ?? PremiseChange.Describe(confirmed.Premises, fresh.Premises);

    /// <summary>The re-check refused: say why, and (when the fresh plan may go ahead) offer its preview to confirm again.</summary>
    private async Task<Reply> ReofferAsync(ISafeAction action, PendingAction confirmed, ActionPlan fresh, string change, CommandContext context, CancellationToken cancellationToken)
    {
        var name = action.Definition.Name;
        LogRecheckRefused(name, confirmed.Target, change);
        var refusal = new TextBlock($"Checked again just before running: {change} Nothing was done.", TextStyle.Attention);
        if (fresh.Refusal is not null)
        {
            return new Reply { Heading = $"{name} {confirmed.Target}: not run", Blocks = [refusal, .. fresh.Preview], Outcome = ReplyOutcome.Failed };
        }

        // The fresh preview is offered to the one who asked, whoever pressed (a second admin's approval may be what found the change).
        var requester = context with { Caller = Caller.ForPerson(confirmed.RequesterId, confirmed.RequesterName, confirmed.RequesterChannelId) };
        var offer = await OfferAsync(action, fresh, confirmed.CommandText, confirmed.Force, requester, Stopwatch.GetTimestamp(), cancellationToken);
        Reply Noted(Reply view) => view with { Heading = $"Not run. {action.Describe(fresh.Target, fresh.Detail)}, with the new preview?", Blocks = [refusal, .. view.Blocks], Outcome = ReplyOutcome.Failed };
        var shared = Noted(offer.SharedView ?? offer);
        return (context.Caller.Is(confirmed.RequesterId) ? Noted(offer) : shared) with { SharedView = shared };
    }

    /// <summary>
    /// Called at start and then now and again: an action left Running by an instance that is gone
    /// was cut off by a stop or crash, so nobody knows whether it ran. Each becomes Interrupted (once,
    /// whichever instance sees it first), is audited, and is reported where it was confirmed.
    /// </summary>
    public async Task<IReadOnlyList<(PendingAction Action, Reply Notice)>> InterruptLeftoversAsync(CancellationToken cancellationToken)
    {
        var found = new List<(PendingAction, Reply)>();
        foreach (var running in await pending.ListOrphanedAsync(cancellationToken))
        {
            if (!await pending.TryTransitionAsync(running.Id, PendingActionState.Running, running with { State = PendingActionState.Interrupted }, cancellationToken))
            {
                continue;
            }

            await AuditStoredAsync(running, AuditDecision.Interrupted, "interrupted: the instance running it stopped; outcome unknown", cancellationToken);
            LogInterrupted(running.Action, running.Target, running.Id);
            found.Add((running, new Reply
            {
                Heading = $"{running.Action} {running.Target}: interrupted",
                Blocks = [new TextBlock($"`{running.CommandText}`, requested at {running.CreatedAt:HH:mm} UTC and confirmed, was running when the service instance running it stopped. Its outcome is unknown: check with `{CheckCommandFor(running)}` before trying again.", TextStyle.Attention)],
                Outcome = ReplyOutcome.Failed,
            }));
        }

        return found;
    }

    /// <summary>The read-only command that shows what an action's target looks like now.</summary>
    private static string CheckCommandFor(PendingAction action) => action switch
    {
        { Target: "all" } => "diagnose",
        { Action: "kill vmwp" } => $"vm {action.Target}",
        _ => $"node {action.Target}",
    };

    private bool SecondApproverRequired(string action)
    {
        var configured = options.CurrentValue.RequireSecondApprover
            ?? (accessOptions.CurrentValue.Admins.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1 ? ["kill clussvc"] : []);
        return configured.Contains(action, StringComparer.OrdinalIgnoreCase);
    }

    private Task AuditAsync(CommandContext context, string text, string action, string target, AuditDecision decision, string outcome, long started, string? pendingId, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditRecord
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
        }, cancellationToken);

    /// <summary>An audit record about a stored action when no request is at hand (start-up, a failed send): in its requester's name.</summary>
    private Task AuditStoredAsync(PendingAction stored, AuditDecision decision, string outcome, CancellationToken cancellationToken) =>
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

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0} s";

    [LoggerMessage(Level = LogLevel.Error, Message = "Access check failed while deciding {Action} for {User}; denied")]
    private partial void LogAccessCheckFailed(Exception exception, string action, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Running {Action} {Target} ({PendingId})")]
    private partial void LogRunning(string action, string target, string pendingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Action} {Target} was not run: re-checked before running, {Change}")]
    private partial void LogRecheckRefused(string action, string target, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Action} {Target} ({PendingId}) was Running when the service stopped; marked Interrupted")]
    private partial void LogInterrupted(string action, string target, string pendingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The confirmation card of {Action} {Target} ({PendingId}) could not be delivered")]
    private partial void LogUndeliverable(string action, string target, string pendingId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Action {Action} on {Target} failed")]
    private partial void LogActionFailed(Exception exception, string action, string target);
}
