using ChatOps.Bot.Messages;
using ChatOps.Bot.Rendering;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace ChatOps.Bot.Turns;

/// <summary>
/// Accepts an authenticated activity: claims its id, keeping the activity with the claim (so a
/// redelivery is handled once, and an acknowledged activity is handled after a crash or a stop, see
/// <see cref="TurnRecovery"/>), queues its turn and answers at once; the turn then runs on the <see cref="TurnQueue"/> through the
/// adapter's pipeline, as a continuation of the same conversation under the same identity, with
/// the activity's <see cref="Classified"/> kind attached. A press goes ahead of other turns and is
/// never run unclaimed. An Action.Execute press waits a moment for its answer; if the work takes
/// longer, Teams gets a "Running…" card, which the turn replaces with the result when it finishes.
/// The answer is stored, so a redelivered press gets it again.
/// </summary>
internal sealed partial class TurnIntake(
    TurnQueue queue,
    IBotFrameworkHttpAdapter adapter,
    IBot bot,
    ActivityClaims claims,
    RunningCard runningCard,
    ReplyActivityFactory factory,
    IOptions<TurnOptions> options,
    TimeProvider time,
    ILogger<TurnIntake> logger)
{
    private const string StoreDown = "Sorry: my state store is not answering, so I did nothing with that. Please send it again in a minute.";

    /// <summary>Accepts an authenticated activity, which holds <paramref name="bytes"/> while it waits.</summary>
    public async Task AcceptAsync(Activity activity, AuthenticateRequestResult auth, long bytes, HttpResponse response, CancellationToken cancellationToken)
    {
        activity.CallerId = auth.CallerId;
        var classified = Classified.Of(activity);
        var isPress = classified.IsPress;
        if (classified.Kind == ActivityKind.UnknownInvoke)
        {
            await MessagesEndpoint.RefuseAsync(response, StatusCodes.Status400BadRequest, $"This bot does not answer the invoke '{MessagesEndpoint.Echo(activity.Name ?? "(none)")}'.", cancellationToken);
            return;
        }

        if (activity.Type == ActivityTypes.Invoke && !isPress)
        {
            // A card's refresh only reads (a person's view of a pending action): answered now, and never
            // stored, so a refresh sent again gets the view as it is then, not as it was. Other invokes
            // (none of which change anything) are answered in the request, as the channel expects.
            var answer = await RunAsync(activity, classified, auth, cancellationToken);
            await WriteAsync(response, answer, cancellationToken);
            return;
        }

        // Room first: an activity refused for want of it is never stored.
        using var room = queue.TryTakeRoom(bytes, isPress);
        if (room is null)
        {
            await MessagesEndpoint.RefuseAsync(response, TurnQueue.Refusal.TooMuchWaiting, cancellationToken);
            return;
        }

        var key = activity.Id is { Length: > 0 } id && activity.Type is ActivityTypes.Message or ActivityTypes.Invoke
            ? $"{activity.ChannelId}|{activity.Conversation.Id}|{id}"
            : null;
        if (key is not null)
        {
            var claim = await claims.TryClaimAsync(key, activity.Type, StoredTurn.Write(activity, auth), cancellationToken);
            if (claim is null)
            {
                if (isPress)
                {
                    // A press decides an action: without its claim a redelivery could run it twice.
                    await ApologizeAsync(activity, auth, response, cancellationToken);
                    return;
                }

                // A message only reads or asks (an action still needs a press): it is answered
                // unclaimed, and whatever it needs from the store says so itself.
                key = null;
            }

            if (claim is { Claimed: false })
            {
                LogDuplicate(activity.Id!, activity.Type, claim.Finished);
                await AnswerRedeliveryAsync(activity, claim, isPress, response, cancellationToken);
                return;
            }
        }

        var handshake = isPress && activity.Type == ActivityTypes.Invoke ? new InvokeHandshake() : null;
        var refusal = Enqueue(activity, classified, auth, key, handshake, room);
        if (refusal != TurnQueue.Refusal.None)
        {
            if (key is not null)
            {
                await claims.ReleaseAsync(key);
            }

            await MessagesEndpoint.RefuseAsync(response, refusal, cancellationToken);
            return;
        }

        if (handshake is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        await WriteAsync(response, await AwaitPressAnswerAsync(activity, handshake, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Queues the turn of an activity taken over from a process that died before finishing it (its
    /// claim is already this process's). Nobody waits for a press's answer any more: its result
    /// replaces the card it was pressed on.
    /// </summary>
    public TurnQueue.Refusal Replay(Activity activity, AuthenticateRequestResult auth, string key, long bytes)
    {
        var classified = Classified.Of(activity);
        using var room = queue.TryTakeRoom(bytes, classified.IsPress);
        if (room is null)
        {
            return TurnQueue.Refusal.TooMuchWaiting;
        }

        InvokeHandshake? handshake = null;
        if (classified.IsPress && activity.Type == ActivityTypes.Invoke)
        {
            handshake = new InvokeHandshake();
            handshake.TryHandOver();
        }

        return Enqueue(activity, classified, auth, key, handshake, room);
    }

    /// <summary>Whether a message whose body is <paramref name="bodyBytes"/> long would still find room to wait in.</summary>
    public bool HasRoomFor(long bodyBytes) => queue.HasRoomFor(TurnQueue.HeldWhileWaiting(bodyBytes));

    private TurnQueue.Refusal Enqueue(Activity activity, Classified classified, AuthenticateRequestResult auth, string? key, InvokeHandshake? handshake, TurnQueue.Room room) =>
        queue.Enqueue(LaneOf(activity), PersonOf(activity), urgent: classified.IsPress, room, ct => WorkAsync(activity, classified, auth, key, handshake, ct));

    /// <summary>
    /// Each person's turns in a conversation run in order; different people's do not wait for each
    /// other, so one person flooding a channel delays only themselves (their replies still share
    /// the conversation's send limits, where confirmations and press results go first).
    /// </summary>
    private static string LaneOf(Activity activity) => $"{activity.ChannelId}|{activity.Conversation.Id}|{PersonOf(activity)}";

    /// <summary>The sender, whichever conversation or thread they write in: one person holds at most one turn slot at a time.</summary>
    private static string PersonOf(Activity activity) => $"{activity.ChannelId}|{activity.From?.AadObjectId ?? activity.From?.Id}";

    /// <summary>
    /// The state store did not answer a press's claim: nothing is done (a redelivery could not be
    /// told apart), and the person is told so within the claim's deadline: in the card's answer
    /// (Action.Execute), or in a message (a press posted as a message, which has no answer of its own).
    /// </summary>
    private async Task ApologizeAsync(Activity activity, AuthenticateRequestResult auth, HttpResponse response, CancellationToken cancellationToken)
    {
        if (activity.Type == ActivityTypes.Invoke)
        {
            await WriteAsync(response, Invoke(factory.CreateInvokeResponse(Reply.Error(StoreDown), activity.ChannelId)), cancellationToken);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        await ((CloudAdapter)adapter).ContinueConversationAsync(auth.ClaimsIdentity, activity, auth.Audience,
            (turn, ct) => turn.SendActivityAsync(factory.Create(Reply.Error(StoreDown), activity.ChannelId), ct), cancellationToken);
    }

    /// <summary>The press's own answer if it comes within <see cref="TurnOptions.InvokeAnswerWithin"/>, else a "Running…" card.</summary>
    private async Task<InvokeResponse> AwaitPressAnswerAsync(Activity activity, InvokeHandshake handshake, CancellationToken cancellationToken)
    {
        try
        {
            await handshake.Answer.WaitAsync(options.Value.InvokeAnswerWithin, time, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Too slow, or the caller went away: the turn goes on and updates the card itself.
        }

        return handshake.Answer.IsCompleted || !handshake.TryHandOver()
            ? await handshake.Answer
            : Invoke(factory.CreateInvokeResponse(await runningCard.ReplyAsync(activity, cancellationToken), activity.ChannelId));
    }

    private async Task AnswerRedeliveryAsync(Activity activity, ActivityClaim claim, bool isPress, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!isPress || activity.Type != ActivityTypes.Invoke)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (claim.Answer is { } stored)
        {
            response.StatusCode = stored.Status;
            response.ContentType = "application/json";
            await response.WriteAsync(stored.Body, cancellationToken);
            return;
        }

        var reply = claim.Finished
            ? Reply.Text("This button press was already handled; the card above shows its result.")
            : await runningCard.ReplyAsync(activity, cancellationToken);
        await WriteAsync(response, Invoke(factory.CreateInvokeResponse(reply, activity.ChannelId)), cancellationToken);
    }

    /// <summary>
    /// One queued turn: the bot's turn through the adapter's pipeline, then the activity is finished (a press
    /// with its answer, in <see cref="RunAsync"/>). A turn that failed is finished too: the adapter's error
    /// handler told the person, and nobody will send it again. A turn cut off by the service stopping is not:
    /// the next start, or another instance, handles it.
    /// </summary>
    private async Task WorkAsync(Activity activity, Classified classified, AuthenticateRequestResult auth, string? key, InvokeHandshake? handshake, CancellationToken cancellationToken)
    {
        await RunAsync(activity, classified, auth, cancellationToken, handshake, key);
        if (key is not null && handshake is null)
        {
            await claims.FinishAsync(key, null);
        }
    }

    /// <summary>
    /// Runs the bot on the activity. For a press, the answer is stored for redeliveries first (under
    /// <paramref name="key"/>), so a redelivery that comes once the press is answered gets the same
    /// answer; then it goes to the waiting request if it is still waiting, otherwise it replaces the
    /// "Running…" card the request answered with.
    /// </summary>
    private async Task<InvokeResponse?> RunAsync(Activity activity, Classified classified, AuthenticateRequestResult auth, CancellationToken cancellationToken, InvokeHandshake? handshake = null, string? key = null)
    {
        InvokeResponse? answer = null;
        await ((CloudAdapter)adapter).ContinueConversationAsync(auth.ClaimsIdentity, activity, auth.Audience, async (turn, ct) =>
        {
            classified.AttachTo(turn);
            try
            {
                await bot.OnTurnAsync(turn, ct);
                answer = turn.TurnState.Get<Activity>(BotAdapter.InvokeResponseKey)?.Value as InvokeResponse;
            }
            catch (Exception ex) when (handshake is not null && ex is not OperationCanceledException)
            {
                // A message's failure is the adapter's turn-error handler's to answer (an apology); a press gets its own answer.
                LogPressFailed(ex, activity.Id);
                answer = Invoke(factory.CreateInvokeResponse(Reply.Error("Something went wrong on my side while handling that button. It is logged; check the audit (`audit`) before pressing again."), activity.ChannelId));
            }

            if (handshake is null)
            {
                return;
            }

            answer ??= Invoke(factory.CreateInvokeResponse(Reply.Text("Done."), activity.ChannelId));
            if (key is not null)
            {
                await claims.FinishAsync(key, answer);
            }

            // Too late for the request: the result replaces the "Running…" card, unless the bot already put the decision there for everyone.
            if (!handshake.TryAnswer(answer))
            {
                await runningCard.ReplaceAsync(turn, answer, ct);
            }
        }, cancellationToken);
        return answer;
    }

    private static InvokeResponse Invoke(AdaptiveCardInvokeResponse body) => new() { Status = StatusCodes.Status200OK, Body = body };

    private static async Task WriteAsync(HttpResponse response, InvokeResponse? answer, CancellationToken cancellationToken)
    {
        response.StatusCode = answer?.Status ?? StatusCodes.Status200OK;
        if (answer?.Body is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(JsonConvert.SerializeObject(answer.Body, HttpHelper.BotMessageSerializerSettings), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redelivered {ActivityType} activity {ActivityId} (finished: {Finished}); not handled again")]
    private partial void LogDuplicate(string activityId, string activityType, bool finished);

    [LoggerMessage(Level = LogLevel.Error, Message = "Button press {ActivityId} failed")]
    private partial void LogPressFailed(Exception exception, string activityId);

}
