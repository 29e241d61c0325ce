using System.Diagnostics;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Actions.Lifecycle;

/// <summary>What running a confirmed action came to: its answer, or (when the re-check found a change) the fresh plan to offer instead.</summary>
internal sealed record RunOutcome(Reply Reply, ActionPlan? Fresh = null, string? Change = null);

/// <summary>
/// Runs a confirmed action under its own token (its execute timeout), never the request's nor the
/// host's: a request that ends mid-action (Teams gave up, the client went away) or the service being
/// asked to stop neither stops it half-way nor leaves it Running; its outcome and the Done state are
/// always written (the host's shutdown timeout covers the execute timeout, see the Bot's hosting). Just
/// before it runs, the action is planned again on a fresh snapshot: if that plan refuses, or the
/// facts the confirmed preview rested on changed, nothing runs.
/// </summary>
internal sealed partial class ActionRunner(
    IPendingActions pending,
    ActionAudit audit,
    IOptionsMonitor<ActionsOptions> options,
    TimeProvider time,
    ILogger<ActionRunner> logger)
{
    public async Task<RunOutcome> RunAsync(ISafeAction action, PendingAction running, CommandContext context, string text)
    {
        var started = Stopwatch.GetTimestamp();
        using var own = new CancellationTokenSource(options.CurrentValue.ExecuteTimeout, time);
        RunOutcome outcome;
        AuditDecision decision;
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
            else
            {
                LogRunning(running.Action, running.Target, running.Id);
                outcome = new RunOutcome(await action.ExecuteAsync(running, own.Token));
                decision = outcome.Reply.Outcome == ReplyOutcome.Ok ? AuditDecision.Executed : AuditDecision.Failed;
            }
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
            outcome = new RunOutcome(Reply.Error($"`{running.Action} {running.Target}` failed: {ex.Message}"));
            decision = AuditDecision.Failed;
        }

        await pending.TryTransitionAsync(running.Id, PendingActionState.Running, running with { State = PendingActionState.Done, ResultJson = PendingViews.Store(outcome.Reply) }, CancellationToken.None);
        var reply = outcome.Reply;
        var summary = outcome.Change is { } why ? $"not run: {why}" : reply.Heading ?? reply.Blocks.OfType<TextBlock>().FirstOrDefault()?.Text ?? decision.ToString();
        await audit.AppendAsync(context, text, running.Action, running.Target, decision, summary, started, running.Id, CancellationToken.None);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Running {Action} {Target} ({PendingId})")]
    private partial void LogRunning(string action, string target, string pendingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Action} {Target} was not run: re-checked before running, {Change}")]
    private partial void LogRecheckRefused(string action, string target, string change);

    [LoggerMessage(Level = LogLevel.Error, Message = "Action {Action} on {Target} failed")]
    private partial void LogActionFailed(Exception exception, string action, string target);
}
