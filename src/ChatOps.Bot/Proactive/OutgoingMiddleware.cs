using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Proactive;

/// <summary>
/// Every message the bot sends or updates, in a turn or proactively, waits in its
/// conversation's queue and is retried with exponential backoff and jitter on 429, 412, 502,
/// 503 and 504, honouring Retry-After. What answers a button press, and a turn marked
/// <see cref="MarkUrgent"/> (a confirmation card), goes ahead of bulk sends waiting there.
/// </summary>
internal sealed partial class OutgoingMiddleware(
    ConversationThrottle throttle,
    IOptions<ProactiveOptions> options,
    TimeProvider time,
    ILogger<OutgoingMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    private static readonly HashSet<HttpStatusCode> Transient =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    private const string UrgentKey = "ChatOps.UrgentSends";

    /// <summary>Makes the rest of this turn's sends urgent (they answer someone waiting to decide, e.g. a confirmation card).</summary>
    public static void MarkUrgent(ITurnContext turnContext) => turnContext.TurnState[UrgentKey] = true;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var conversation = turnContext.Activity.Conversation?.Id ?? "unknown";
        turnContext.OnSendActivities(async (ctx, activities, nextSend) =>
        {
            for (var i = 0; i < activities.Count(a => a.Type == ActivityTypes.Message); i++)
            {
                await throttle.WaitAsync(conversation, IsUrgent(ctx), cancellationToken);
            }

            return await WithRetryAsync(nextSend, conversation, cancellationToken);
        });
        turnContext.OnUpdateActivity(async (ctx, activity, nextUpdate) =>
        {
            await throttle.WaitAsync(conversation, IsUrgent(ctx), cancellationToken);
            return await WithRetryAsync(nextUpdate, conversation, cancellationToken);
        });
        await next(cancellationToken);
    }

    /// <summary>A press of a pending action's button or its card's refresh (as classified on arrival), or a turn marked urgent.</summary>
    private static bool IsUrgent(ITurnContext turn) =>
        turn.TurnState.ContainsKey(UrgentKey) || Messages.Classified.Of(turn).Kind is Messages.ActivityKind.Press or Messages.ActivityKind.Refresh;

    private async Task<T> WithRetryAsync<T>(Func<Task<T>> send, string conversation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await send();
            }
            catch (ErrorResponseException ex) when (ex.Response is { } response && Transient.Contains(response.StatusCode) && attempt < options.Value.MaxAttempts)
            {
                var delay = DelayFor(response, attempt);
                LogRetry(conversation, (int)response.StatusCode, attempt, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private TimeSpan DelayFor(Microsoft.Rest.HttpResponseMessageWrapper response, int attempt)
    {
        if (response.Headers.TryGetValue("Retry-After", out var values) && values.FirstOrDefault() is { } retryAfter)
        {
            if (int.TryParse(retryAfter, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 300));
            }

            if (DateTimeOffset.TryParse(retryAfter, out var at))
            {
                var wait = at - time.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        var exponential = options.Value.BaseDelay * Math.Pow(2, attempt - 1);
        return exponential + (exponential * Random.Shared.NextDouble() * 0.5);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Send to {Conversation} answered {Status}; attempt {Attempt}, retrying in {DelayMs:F0} ms")]
    private partial void LogRetry(string conversation, int status, int attempt, double delayMs);
}
