using System.Net;
using ChatOps.Bot.Rendering;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Subscriptions;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ChatOps.Bot.Proactive;

/// <summary>
/// Posts to subscribed conversations with Bot Framework proactive messaging. A conversation that
/// answers 403 (bot blocked or removed) or 404 is unsubscribed; a failed post never stops the others.
/// </summary>
internal sealed partial class ProactivePublisher(
    IBotFrameworkHttpAdapter adapter,
    ISubscriptions subscriptions,
    ReplyActivityFactory factory,
    IConfiguration configuration,
    ILogger<ProactivePublisher> logger) : IChannelPublisher
{
    public async Task<PublishResult> PublishAsync(string topic, Reply reply, CancellationToken cancellationToken)
    {
        var targets = await subscriptions.ListAsync(topic, cancellationToken);
        var outcomes = await Task.WhenAll(targets.Select(s => PostAsync(s, reply, cancellationToken)));
        return new PublishResult(outcomes.Count(o => o == Outcome.Delivered), outcomes.Count(o => o == Outcome.Failed), outcomes.Count(o => o == Outcome.Unsubscribed));
    }

    public async Task<bool> SendAsync(string address, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(address, reply, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(ex);
            return false;
        }
    }

    private async Task<Outcome> PostAsync(Subscription subscription, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(subscription.Address, reply, cancellationToken);
            return Outcome.Delivered;
        }
        catch (ErrorResponseException ex) when (ex.Response?.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            await subscriptions.RemoveAsync(subscription.ConversationId, subscription.Topic, CancellationToken.None);
            LogUnsubscribed(subscription.ConversationId, (int)ex.Response.StatusCode);
            return Outcome.Unsubscribed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPostFailed(ex, subscription.ConversationId);
            return Outcome.Failed;
        }
    }

    /// <summary>One proactive message to a stored conversation reference; the connector's refusal is thrown.</summary>
    private async Task DeliverAsync(string address, Reply reply, CancellationToken cancellationToken)
    {
        var reference = JsonConvert.DeserializeObject<ConversationReference>(address)
            ?? throw new JsonSerializationException("empty conversation reference");
        var botAppId = configuration["MicrosoftAppId"] ?? string.Empty;
        ErrorResponseException? refused = null;
        await ((CloudAdapter)adapter).ContinueConversationAsync(botAppId, reference, async (turn, ct) =>
        {
            // Caught here: the adapter's turn-error handler would otherwise swallow it.
            try
            {
                await turn.SendActivityAsync(factory.Create(reply, reference.ChannelId), ct);
            }
            catch (ErrorResponseException ex)
            {
                refused = ex;
            }
        }, cancellationToken);
        if (refused is not null)
        {
            throw refused;
        }
    }

    private enum Outcome
    {
        Delivered,
        Failed,
        Unsubscribed,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {Conversation} answered {Status}: the bot was blocked or removed; unsubscribed")]
    private partial void LogUnsubscribed(string conversation, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "A message to a single conversation could not be delivered")]
    private partial void LogSendFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Post to conversation {Conversation} failed")]
    private partial void LogPostFailed(Exception exception, string conversation);
}
