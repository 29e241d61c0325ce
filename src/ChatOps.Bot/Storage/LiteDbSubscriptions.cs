using ChatOps.Commands.Subscriptions;
using LiteDB;

namespace ChatOps.Bot.Storage;

/// <summary>Channel subscriptions in LiteDB, keyed by conversation and topic.</summary>
internal sealed class LiteDbSubscriptions(LiteDbStore store) : ISubscriptions
{
    public const string Collection = "subscriptions";

    private ILiteCollection<SubscriptionDocument> All => store.Database.GetCollection<SubscriptionDocument>(Collection);

    public Task<bool> AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var inserted = All.Upsert(new SubscriptionDocument { Id = Key(subscription.ConversationId, subscription.Topic), Subscription = subscription });
        return Task.FromResult(inserted);
    }

    public Task<bool> RemoveAsync(string conversationId, string topic, CancellationToken cancellationToken) =>
        Task.FromResult(All.Delete(Key(conversationId, topic)));

    public Task<IReadOnlyList<Subscription>> ListAsync(string? topic, CancellationToken cancellationToken)
    {
        IReadOnlyList<Subscription> list = All.FindAll().Select(d => d.Subscription).Where(s => topic is null || s.Topic == topic).ToList();
        return Task.FromResult(list);
    }

    private static string Key(string conversationId, string topic) => $"{topic}|{conversationId}";

    /// <summary>Storage shape.</summary>
    internal sealed class SubscriptionDocument
    {
        public string Id { get; set; } = string.Empty;

        public Subscription Subscription { get; set; } = null!;
    }
}
