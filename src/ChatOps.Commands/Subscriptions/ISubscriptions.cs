namespace ChatOps.Commands.Subscriptions;

/// <summary>Stored channel subscriptions.</summary>
public interface ISubscriptions
{
    /// <summary>Adds or refreshes a subscription; false when it already existed.</summary>
    Task<bool> AddAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Removes a conversation's subscription to a topic; false when there was none.</summary>
    Task<bool> RemoveAsync(string conversationId, string topic, CancellationToken cancellationToken);

    /// <summary>Subscriptions to a topic, or every subscription when topic is null.</summary>
    Task<IReadOnlyList<Subscription>> ListAsync(string? topic, CancellationToken cancellationToken);
}
