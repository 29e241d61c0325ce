namespace ChatOps.Commands.Subscriptions;

/// <summary>A conversation that receives scheduled posts on a topic.</summary>
/// <param name="ConversationId">Channel conversation id.</param>
/// <param name="Topic">What it receives, e.g. <c>summaries</c>.</param>
/// <param name="Address">Opaque address to post to (a serialised conversation reference).</param>
/// <param name="SubscribedBy">Display name of whoever subscribed it.</param>
/// <param name="Since">When it was subscribed.</param>
public sealed record Subscription(string ConversationId, string Topic, string Address, string SubscribedBy, DateTimeOffset Since);
