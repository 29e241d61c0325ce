using ChatOps.Commands.Access;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Subscriptions;

/// <summary><c>subscribe summaries</c>: this conversation receives scheduled posts.</summary>
internal sealed class SubscribeHandler(ISubscriptions subscriptions, TimeProvider time) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "subscribe",
        Summary = "Post scheduled summaries into this conversation.",
        Usage = "subscribe summaries",
        Examples = ["subscribe summaries"],
        Role = Role.Operator,
        Arguments = [new ArgumentSpec("topic")],
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (Topics.Find(request.Argument("topic")) is not { } topic)
        {
            return Topics.Unknown(request.Argument("topic"));
        }

        if (request.Context.Address is null)
        {
            return Reply.Error("This chat cannot receive scheduled posts (it has no conversation address). Subscribe from Teams.");
        }

        var subscription = new Subscription(request.Context.ConversationId, topic, request.Context.Address, request.Context.Caller.Name, time.GetUtcNow());
        var added = await subscriptions.AddAsync(subscription, cancellationToken);
        return Reply.Text(added
            ? $"This conversation now receives {topic}. `unsubscribe {topic}` stops them."
            : $"This conversation already receives {topic}; its address was refreshed.");
    }
}
