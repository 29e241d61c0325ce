using ChatOps.Bot.Messages;
using ChatOps.Bot.Rendering;
using ChatOps.Bot.Teams;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatOps.Bot.Turns;

/// <summary>
/// The "Running…" card Teams gets when a press takes longer than the invoke may wait, and its
/// replacement by the press's result once the turn finishes.
/// </summary>
internal sealed partial class RunningCard(CommandRouter router, ILogger<RunningCard> logger)
{
    /// <summary>"Running `kill vmwp WEB-01`…", naming the pending action when it can be read.</summary>
    public async Task<Reply> ReplyAsync(Activity activity, CancellationToken cancellationToken)
    {
        var press = Classified.Of(activity).Press;
        string? what = null;
        try
        {
            what = press is { IsMalformed: false } ? (await router.PendingCardAsync(press.PendingId, cancellationToken))?.What : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDescribeFailed(ex);
        }

        return Reply.Working($"Running `{what ?? "your request"}`… this card shows the result when it finishes.");
    }

    /// <summary>
    /// Puts the press's result where the "Running…" card is (or, if that card cannot be updated, below
    /// it). Not in a Teams channel or group chat: there the card is everyone's, and the result is the
    /// presser's own (a refusal, their view); a decision has already put its view there for everyone.
    /// </summary>
    public async Task ReplaceAsync(ITurnContext turn, InvokeResponse answer, CancellationToken cancellationToken)
    {
        if (SharedCards.IsShared(turn))
        {
            LogLateAnswerKept(turn.Activity.Id);
            return;
        }

        var body = answer.Body as AdaptiveCardInvokeResponse;
        var result = body?.Type == AdaptiveCardRenderer.ContentType
            ? (Activity)MessageFactory.Attachment(new Attachment { ContentType = body.Type, Content = body.Value })
            : (Activity)MessageFactory.Text(body?.Value?.ToString() ?? "Done.");
        await turn.ReplaceOrSendAsync(result, turn.Activity.ReplyToId, logger, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The late answer to press {ActivityId} in a shared conversation was kept from the card everyone sees")]
    private partial void LogLateAnswerKept(string activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the pending action for a Running card")]
    private partial void LogDescribeFailed(Exception exception);
}
