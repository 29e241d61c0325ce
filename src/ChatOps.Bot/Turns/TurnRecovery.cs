using System.Net;
using ChatOps.Bot.Messages;
using ChatOps.Bot.Rendering;
using ChatOps.Bot.Teams;
using ChatOps.Commands;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Turns;

/// <summary>
/// Handles the activities that were acknowledged but never finished because the process handling them
/// died or stopped: at start and every <see cref="TurnOptions.RecoverEvery"/>, it takes them over from
/// a process that is gone (an earlier start; on PostgreSQL, another instance past its lease) and queues
/// their turns in arrival order. A press replayed this way re-checks its pending action like any press
/// (expiry, nonce, a fresh plan), and an action found Running is never run again. An activity older than
/// <see cref="TurnOptions.ReplayWithin"/>, or one that took down every process that tried it, is not run:
/// the person is told, and it is audited as <see cref="AuditDecision.Unanswered"/>.
/// </summary>
internal sealed partial class TurnRecovery(
    IProcessedActivities processed,
    TurnIntake intake,
    IBotFrameworkHttpAdapter adapter,
    CommandRouter router,
    ReplyActivityFactory factory,
    IOptions<TurnOptions> options,
    TimeProvider time,
    ILogger<TurnRecovery> logger) : BackgroundService
{
    /// <summary>Processes that may take an activity on before it is given up as the one that stops them.</summary>
    public const int MaxAttempts = 3;

    private const int TakenAtOnce = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.RecoverEvery, time);
        do
        {
            try
            {
                while (await RecoverAsync(stoppingToken) == TakenAtOnce)
                {
                    // A full batch: there may be more.
                }
            }
            catch (StateUnavailableException ex)
            {
                LogStoreUnavailable(ex.Reason);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRecoveryFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Takes over one batch and queues or answers each; returns how many were taken.</summary>
    private async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var taken = await processed.TakeOverAbandonedAsync(TakenAtOnce, cancellationToken);
        foreach (var abandoned in taken)
        {
            if (StoredTurn.Read(abandoned.Stored) is not var (activity, auth))
            {
                LogUnreadable(abandoned.Key);
                await processed.FinishAsync(abandoned.Key, null, CancellationToken.None);
                continue;
            }

            var age = time.GetUtcNow() - abandoned.ReceivedAt;
            string? notRun = abandoned.Attempts > MaxAttempts
                ? $"the service stopped each of the {abandoned.Attempts - 1} times it tried to handle it"
                : age > options.Value.ReplayWithin
                    ? $"it was {Age(age)} old by the time the service was back, more than the {Age(options.Value.ReplayWithin)} after which it is not run"
                    : null;
            if (notRun is not null)
            {
                await TellAsync(activity, auth, abandoned, notRun, cancellationToken);
                continue;
            }

            LogReplaying(activity.Type, activity.Id ?? "?", Age(age), abandoned.Attempts);
            await QueueAsync(activity, auth, abandoned, cancellationToken);
        }

        return taken.Count;
    }

    /// <summary>Queues the turn, waiting while the person's lane is full (their order is kept); stopping leaves it to the next process.</summary>
    private async Task QueueAsync(Activity activity, Microsoft.Bot.Connector.Authentication.AuthenticateRequestResult auth, AbandonedActivity abandoned, CancellationToken cancellationToken)
    {
        var bytes = TurnQueue.HeldWhileWaiting(abandoned.Stored.Length);
        while (intake.Replay(activity, auth, abandoned.Key, bytes) is var refusal && refusal != TurnQueue.Refusal.None)
        {
            if (refusal == TurnQueue.Refusal.Stopping)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
        }
    }

    /// <summary>Tells the person their message was not run and why, and audits it; a conversation that is gone is audited only.</summary>
    private async Task TellAsync(Activity activity, Microsoft.Bot.Connector.Authentication.AuthenticateRequestResult auth, AbandonedActivity abandoned, string why, CancellationToken cancellationToken)
    {
        var what = Classified.Of(activity) is { IsPress: true } ? "your button press" : $"your message “{Quote(activity.Text)}”";
        var sent = abandoned.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var notice = Reply.Error($"I did not answer {what} (sent {sent} UTC): {why}. Nothing was done; send it again if you still need it.");
        var outcome = $"not run: {why}; told them";
        CommandContext? context = null;
        try
        {
            await ((CloudAdapter)adapter).ContinueConversationAsync(auth.ClaimsIdentity, activity, auth.Audience, async (turn, ct) =>
            {
                context = new CommandContext(ChatOpsBot.CallerOf(turn), activity.Conversation.Id, activity.Id, activity.ChannelId ?? "unknown");
                try
                {
                    await turn.SendActivityAsync(factory.Create(notice, activity.ChannelId ?? string.Empty), ct);
                }
                catch (ErrorResponseException ex) when (ex.Response?.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    // Caught here, not by the adapter's turn-error handler, which would try to apologise in the same conversation.
                    outcome = $"not run: {why}; its conversation is gone ({(int)ex.Response.StatusCode}), so nobody was told";
                }
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The send failed, or the conversation could not even be reached (no connector client for its address): audited all the same.
            outcome = $"not run: {why}; telling them failed: {ex.Message}";
        }

        LogNotRun(activity.Type, activity.Id ?? "?", outcome);
        context ??= new CommandContext(new Commands.Access.Caller(activity.From?.Id ?? "unknown", activity.From?.Name ?? "unknown"), activity.Conversation.Id, activity.Id, activity.ChannelId ?? "unknown");
        await router.UnansweredAsync(context, activity.Text ?? "(button press)", outcome, CancellationToken.None);
        await processed.FinishAsync(abandoned.Key, null, CancellationToken.None);
    }

    private static string Quote(string? text)
    {
        var line = (text ?? string.Empty).ReplaceLineEndings(" ").Trim();
        return line.Length <= 60 ? line : line[..57] + "…";
    }

    private static string Age(TimeSpan age) =>
        age.TotalHours >= 1 ? $"{age.TotalHours:N0} h" : age.TotalMinutes >= 1 ? $"{age.TotalMinutes:N0} min" : $"{age.TotalSeconds:N0} s";

    [LoggerMessage(Level = LogLevel.Information, Message = "Handling {ActivityType} activity {ActivityId} that a stopped process acknowledged {Age} ago (attempt {Attempt})")]
    private partial void LogReplaying(string activityType, string activityId, string age, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Did not handle {ActivityType} activity {ActivityId} that a stopped process acknowledged: {Outcome}")]
    private partial void LogNotRun(string activityType, string activityId, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored activity {Key} cannot be read; dropped")]
    private partial void LogUnreadable(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for activities left unhandled: the state store is not answering ({Reason}); trying again later")]
    private partial void LogStoreUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for activities left unhandled failed; trying again later")]
    private partial void LogRecoveryFailed(Exception exception);
}
