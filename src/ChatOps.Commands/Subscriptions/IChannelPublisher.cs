using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Subscriptions;

/// <summary>Posts a reply to every conversation subscribed to a topic (proactive messages).</summary>
public interface IChannelPublisher
{
    /// <summary>Posts to each subscriber; a failed post never stops the others.</summary>
    Task<PublishResult> PublishAsync(string topic, Reply reply, CancellationToken cancellationToken);

    /// <summary>Posts to one conversation by its stored address; false (logged) when it could not be delivered.</summary>
    Task<bool> SendAsync(string address, Reply reply, CancellationToken cancellationToken);
}
