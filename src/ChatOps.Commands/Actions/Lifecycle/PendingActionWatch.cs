using System.Diagnostics;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Subscriptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Actions.Lifecycle;

/// <summary>
/// At start, before any turn runs, and then every <see cref="ActionsOptions.WatchEvery"/>, without
/// anyone pressing: an action whose window closed becomes Expired (audited once, whichever
/// instance sees it first, judged by the store's clock), every card of it says so and its
/// requester is told; an action left Running by an instance that is gone, once its deadline (and
/// the nodes' clock margin) has passed so that no node can still act on it, was cut off by a stop or
/// crash, so nobody knows whether it ran: it becomes Interrupted, is audited, and is reported
/// where it was confirmed. Before both, it writes the outcomes kept while the store did not answer
/// (<see cref="ActionOutcomes"/>). Messages go out in the background so a slow connector does not hold start-up.
/// </summary>
internal sealed partial class PendingActionWatch(
    IPendingActions pending,
    PendingActionFlow flow,
    ActionOutcomes outcomes,
    ActionAudit audit,
    IChannelPublisher publisher,
    IOptionsMonitor<ActionsOptions> options,
    ILogger<PendingActionWatch> logger) : IHostedService
{
    // Never disposed: the host may stop a service after disposing it, and a token source with no timer holds nothing.
    private readonly CancellationTokenSource _stopping = new();
    private Task _notices = Task.CompletedTask;
    private Task _watch = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await CheckAsync(cancellationToken);
        _watch = WatchAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _watch.WaitAsync(cancellationToken);
            await _notices.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout ran out (spent on another service, a job that would not stop): the
            // next start looks again; notices still being sent go with the process.
            LogStopCutShort();
        }
    }

    /// <summary>
    /// One look at the store: outcomes kept while it did not answer first (they settle actions that would
    /// otherwise look cut off), then expiries (a person waits on them), then actions cut off by a stop.
    /// </summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await outcomes.DeliverKeptAsync(cancellationToken);
        var notices = new List<(string Address, Reply Notice)>();
        foreach (var due in await pending.ListExpiredAsync(cancellationToken))
        {
            if (flow.ActionOf(due) is { } action && await flow.ExpireAsync(action, due, null, null, Stopwatch.GetTimestamp(), cancellationToken) is { } expired && due.Address is { } address)
            {
                LogExpired(due.Action, due.Target, due.Id);
                notices.Add((address, expired with { SharedView = null, Heading = $"`{due.CommandText}` expired", Blocks = [new TextBlock(due.State == PendingActionState.AwaitingApproval
                    ? $"No second admin approved `{due.CommandText}` by {due.ExpiresAt:HH:mm:ss} UTC; nothing was done. Ask again if it is still needed."
                    : $"`{due.CommandText}` was not confirmed by {due.ExpiresAt:HH:mm:ss} UTC; nothing was done.", TextStyle.Attention)] }));
            }
        }

        foreach (var running in await pending.ListOrphanedAsync(options.CurrentValue.NodeClockMargin, cancellationToken))
        {
            if (!await pending.TryTransitionAsync(running.Id, PendingActionState.Running, running with { State = PendingActionState.Interrupted }, cancellationToken))
            {
                continue;
            }

            await audit.AppendStoredAsync(running, AuditDecision.Interrupted, "interrupted: the instance running it stopped; outcome unknown", cancellationToken);
            LogInterrupted(running.Action, running.Target, running.Id);
            var check = flow.ActionOf(running)?.CheckCommand(running) ?? "diagnose";
            if (running.Address is { } address)
            {
                notices.Add((address, new Reply
                {
                    Heading = $"{running.Action} {running.Target}: interrupted",
                    Blocks = [new TextBlock($"`{running.CommandText}`, requested at {running.CreatedAt:HH:mm} UTC and confirmed, was running when the service instance running it stopped. Its outcome is unknown: check with `{check}` before trying again.", TextStyle.Attention)],
                    Outcome = ReplyOutcome.Failed,
                }));
            }
        }

        if (notices.Count > 0)
        {
            var earlier = _notices;
            _notices = Task.Run(() => Task.WhenAll([earlier, .. notices.Select(n => publisher.SendAsync(n.Address, n.Notice, CancellationToken.None))]), CancellationToken.None);
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.WatchEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await CheckAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogWatchFailed(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} {Target} ({PendingId}) expired undecided")]
    private partial void LogExpired(string action, string target, string pendingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Action} {Target} ({PendingId}) was Running when the service instance running it stopped; marked Interrupted")]
    private partial void LogInterrupted(string action, string target, string pendingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: the shutdown timeout ran out before the pending-action watch and its notices finished")]
    private partial void LogStopCutShort();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for expired or cut-off actions failed; tried again in a moment")]
    private partial void LogWatchFailed(Exception exception);
}
