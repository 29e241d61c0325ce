using System.Diagnostics;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Actions.Lifecycle;

/// <summary>What running a confirmed action came to: its answer, or (when the re-check found a change) the fresh plan to offer instead.</summary>
internal sealed record RunOutcome(Reply Reply, ActionPlan? Fresh = null, string? Change = null);

/// <summary>
/// Runs a started action under its own token (its execute timeout), never the request's nor the
/// host's: a request that ends mid-action (Teams gave up, the client went away) or the service being
/// asked to stop neither stops it half-way nor leaves it Running; its outcome and the Done state are
/// always written (the host's shutdown timeout covers the execute timeout, see the Bot's hosting). Just
/// before it runs, the action is planned again on a fresh snapshot: if that plan refuses, or the
/// facts the confirmed preview rested on changed, nothing runs. Then, just before any node is called,
/// the store is asked whether this instance still owns it (no other instance wrote it off, its deadline
/// has not passed); if not, it stands down. The nodes themselves refuse after the deadline. What it
/// came to is written by <see cref="ActionOutcomes"/>, which supersedes an Interrupted record another
/// instance wrote meanwhile, and keeps the outcome for later when the state store does not answer.
/// </summary>
internal sealed partial class ActionRunner(
    IPendingActions pending,
    ActionAudit audit,
    ActionOutcomes outcomes,
    IOptionsMonitor<ActionsOptions> options,
    TimeProvider time,
    ILogger<ActionRunner> logger)
{
    public async Task<RunOutcome> RunAsync(ISafeAction action, PendingAction running, CommandContext context, string text)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = running.ExecuteBy ?? throw new InvalidOperationException($"Running action {running.Id} has no deadline.");
        using var own = new CancellationTokenSource(options.CurrentValue.ExecuteTimeout, time);
        RunOutcome outcome;
        AuditDecision decision;
        var calledNodes = false;
        try
        {
            var fresh = await action.ReplanAsync(running, own.Token);
            if ((fresh.Refusal ?? PremiseChange.Describe(running.Premises, fresh.Premises)) is { } change)
            {
                LogRecheckRefused(running.Action, running.Target, change);
                var refusal = new TextBlock($"Checked again just before running: {change} Nothing was done.", TextStyle.Attention);
                outcome = new RunOutcome(new Reply { Heading = $"{running.Action} {running.Target}: not run", Blocks = [refusal, .. fresh.Preview], Outcome = ReplyOutcome.Failed }, fresh, change);
                decision = AuditDecision.Refused;
            }
            else if (!await pending.StillOwnsAsync(running.Id, own.Token))
            {
                (outcome, decision) = StoodDown(running, deadline);
            }
            else
            {
                LogRunning(running.Action, running.Target, running.Id);
                calledNodes = true;
                outcome = new RunOutcome(await action.ExecuteAsync(running, deadline, own.Token));
                decision = outcome.Reply.Outcome == ReplyOutcome.Ok ? AuditDecision.Executed : AuditDecision.Failed;
            }
        }
        catch (OperationCanceledException) when (!calledNodes)
        {
            // Its time ran out before any node was called (the re-check hung, or this instance was held up).
            (outcome, decision) = StoodDown(running, deadline);
        }
        catch (OperationCanceledException)
        {
            // The action's own deadline, or a timeout inside the backend: its failure either way.
            outcome = new RunOutcome(Reply.Error($"`{running.Action} {running.Target}` did not finish within {options.CurrentValue.ExecuteTimeout.TotalSeconds:N0} s; check with `{action.CheckCommand(running)}` before retrying."));
            decision = AuditDecision.Failed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogActionFailed(ex, running.Action, running.Target);
            // Before any node was called (the store could not say whether this instance still owns it, say), nothing ran.
            outcome = new RunOutcome(Reply.Error($"`{running.Action} {running.Target}` {(calledNodes ? "failed" : "was not run")}: {ex.Message}"));
            decision = AuditDecision.Failed;
        }

        var reply = outcome.Reply;
        var summary = outcome.Change is { } notRun ? $"not run: {notRun}" : reply.Heading ?? reply.Blocks.OfType<TextBlock>().FirstOrDefault()?.Text ?? decision.ToString();
        var done = running with { State = PendingActionState.Done, ResultJson = PendingViews.Store(reply) };
        if (!await outcomes.RecordOrKeepAsync(done, audit.Record(context, text, running.Action, running.Target, decision, summary, started, running.Id)))
        {
            outcome = outcome with { Reply = reply with { Blocks = [.. reply.Blocks, new TextBlock("The state database is not answering: this outcome is kept on this server and written to the audit as soon as it answers.", TextStyle.Subtle)] } };
        }

        return outcome;
    }

    /// <summary>Not run: this instance no longer owns the action (another wrote it off, or its deadline passed), so no node is called.</summary>
    private (RunOutcome, AuditDecision) StoodDown(PendingAction running, DateTimeOffset deadline)
    {
        var why = $"this service instance was held up past its deadline ({deadline:HH:mm:ss} UTC) before it could reach a node, so it stood down";
        LogStoodDown(running.Action, running.Target, running.Id);
        var reply = new Reply
        {
            Heading = $"{running.Action} {running.Target}: not run",
            Blocks = [new TextBlock($"Not run: {why}. Nothing was done; ask again if it is still needed.", TextStyle.Attention)],
            Outcome = ReplyOutcome.Failed,
        };
        return (new RunOutcome(reply, Change: why), AuditDecision.Refused);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Running {Action} {Target} ({PendingId})")]
    private partial void LogRunning(string action, string target, string pendingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Action} {Target} was not run: re-checked before running, {Change}")]
    private partial void LogRecheckRefused(string action, string target, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Action} {Target} ({PendingId}) was not run: this instance no longer owns it (written off by another, or its deadline passed)")]
    private partial void LogStoodDown(string action, string target, string pendingId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Action {Action} on {Target} failed")]
    private partial void LogActionFailed(Exception exception, string action, string target);
}
