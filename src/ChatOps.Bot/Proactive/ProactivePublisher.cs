using System.Net;
using ChatOps.Bot.Rendering;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Subscriptions;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ChatOps.Bot.Proactive;

/// <summary>
/// Posts to subscribed conversations with Bot Framework proactive messaging. A conversation that
/// answers 403 (bot blocked or removed) or 404 is unsubscribed; a failed post never stops the others.
/// A post made once per key is claimed first in the processed-activity store, as an incoming
/// activity is, so across instances and recovered runs each conversation gets it once; a post that
/// fails gives its claim back, so a later run may try again.
/// </summary>
internal sealed partial class ProactivePublisher(
    IBotFrameworkHttpAdapter adapter,
    ISubscriptions subscriptions,
    IProcessedActivities processed,
    TimeProvider time,
    ReplyActivityFactory factory,
    IConfiguration configuration,
    ILogger<ProactivePublisher> logger) : IChannelPublisher
{
    public async Task<PublishResult> PublishAsync(string topic, Reply reply, string? once, CancellationToken cancellationToken)
    {
        var targets = await subscriptions.ListAsync(topic, cancellationToken);
        var outcomes = await Task.WhenAll(targets.Select(s => once is null
            ? PostAsync(s, reply, cancellationToken)
            : PostOnceAsync(s, reply, $"post|{once}|{s.ConversationId}", cancellationToken)));
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

    private async Task<Outcome> PostOnceAsync(Subscription subscription, Reply reply, string key, CancellationToken cancellationToken)
    {
        try
        {
            if (!(await processed.TryClaimAsync(key, time.GetUtcNow(), null, cancellationToken)).Claimed)
            {
                LogAlreadyPosted(subscription.ConversationId, key);
                return Outcome.AlreadyPosted;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPostFailed(ex, subscription.ConversationId);
            return Outcome.Failed;
        }

        var outcome = await PostAsync(subscription, reply, cancellationToken);
        await (outcome == Outcome.Failed
            ? processed.ReleaseAsync(key, CancellationToken.None)
            : processed.FinishAsync(key, null, CancellationToken.None));
        return outcome;
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

        /// <summary>Posted already under the same key (another instance, or the run this one recovers).</summary>
        AlreadyPosted,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {Conversation} already has {Key}; not posted again")]
    private partial void LogAlreadyPosted(string conversation, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {Conversation} answered {Status}: the bot was blocked or removed; unsubscribed")]
    private partial void LogUnsubscribed(string conversation, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "A message to a single conversation could not be delivered")]
    private partial void LogSendFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Post to conversation {Conversation} failed")]
    private partial void LogPostFailed(Exception exception, string conversation);
}
