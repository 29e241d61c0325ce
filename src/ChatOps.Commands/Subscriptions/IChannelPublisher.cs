using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Subscriptions;

/// <summary>Posts a reply to every conversation subscribed to a topic (proactive messages).</summary>
public interface IChannelPublisher
{
    /// <summary>
    /// Posts to each subscriber; a failed post never stops the others. With <paramref name="once"/>,
    /// a subscriber already posted to under that key (by any instance) is not posted to again.
    /// </summary>
    Task<PublishResult> PublishAsync(string topic, Reply reply, string? once, CancellationToken cancellationToken);

    /// <summary>Posts to one conversation by its stored address; false (logged) when it could not be delivered.</summary>
    Task<bool> SendAsync(string address, Reply reply, CancellationToken cancellationToken);
}
