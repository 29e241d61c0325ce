namespace ChatOps.Commands.Subscriptions;

/// <summary>How a publication went.</summary>
/// <param name="Delivered">Conversations that received it.</param>
/// <param name="Failed">Conversations where it failed after retries.</param>
/// <param name="Unsubscribed">Conversations removed because the bot was blocked or removed (403/404).</param>
public sealed record PublishResult(int Delivered, int Failed, int Unsubscribed);
