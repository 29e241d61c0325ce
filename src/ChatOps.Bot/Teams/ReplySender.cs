using ChatOps.Bot.Hosting;
using ChatOps.Bot.Rendering;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Teams;

/// <summary>
/// Sends a command's reply. Work that outlasts <see cref="BotOptions.WorkingReplyAfter"/> first
/// gets a "working…" message, which is then replaced by the result, so Teams gets a prompt answer.
/// </summary>
internal sealed partial class ReplySender(
    ReplyActivityFactory factory,
    SharedCards shared,
    CommandRouter router,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<ReplySender> logger)
{
    public async Task SendAsync(ITurnContext turn, Func<CancellationToken, Task<Reply>> work, string what, CancellationToken cancellationToken)
    {
        Reply? reply = null;
        try
        {
            await SendOrUpdateAsync(turn, async ct => reply = await work(ct), what, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && reply?.Confirmation is { } confirmation)
        {
            // Nobody can press a card that never arrived: say so in the audit. The turn fails, so a redelivery asks again.
            await router.CardUndeliverableAsync(confirmation.PendingId, $"the confirmation card could not be delivered ({ex.GetType().Name})", CancellationToken.None);
            throw;
        }
    }

    private async Task SendOrUpdateAsync(ITurnContext turn, Func<CancellationToken, Task<Reply>> work, string what, CancellationToken cancellationToken)
    {
        var channel = turn.Activity.ChannelId;
        var task = work(cancellationToken);
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var delay = Task.Delay(options.Value.WorkingReplyAfter, time, waiting.Token);
            var first = await Task.WhenAny(task, delay);
            await waiting.CancelAsync();
            if (first == task)
            {
                var reply = await task;
                var sent = await turn.SendActivityAsync(await CreateAsync(turn, reply, cancellationToken), cancellationToken);
                await RecordCardAsync(reply, sent?.Id, cancellationToken);
                return;
            }
        }

        var placeholder = await turn.SendActivityAsync(factory.Create(Reply.Working($"Working on `{what}`…"), channel), cancellationToken);
        var result = await task;
        await RecordCardAsync(result, await turn.ReplaceOrSendAsync(await CreateAsync(turn, result, cancellationToken), placeholder?.Id, logger, cancellationToken), cancellationToken);
    }

    /// <summary>A confirmation card's message id, so a press from a client that does not name its card still updates it.</summary>
    public async Task RecordCardAsync(Reply reply, string? messageId, CancellationToken cancellationToken)
    {
        if (reply.Confirmation is { } confirmation && messageId is { Length: > 0 })
        {
            await router.CardSentAsync(confirmation.PendingId, messageId, cancellationToken);
        }
    }

    /// <summary>A confirmation card is for someone waiting to decide: it goes ahead of bulk sends in the conversation.</summary>
    private Task<Microsoft.Bot.Schema.Activity> CreateAsync(ITurnContext turn, Reply reply, CancellationToken cancellationToken)
    {
        if (reply.Confirmation is not null)
        {
            Proactive.OutgoingMiddleware.MarkUrgent(turn);
        }

        return shared.CreateAsync(turn, reply, cancellationToken);
    }
}
