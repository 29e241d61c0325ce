using ChatOps.Commands.Access;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Subscriptions;

/// <summary><c>unsubscribe summaries</c>.</summary>
internal sealed class UnsubscribeHandler(ISubscriptions subscriptions) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "unsubscribe",
        Summary = "Stop scheduled summaries in this conversation.",
        Usage = "unsubscribe summaries",
        Role = Role.Operator,
        Arguments = [new ArgumentSpec("topic")],
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (Topics.Find(request.Argument("topic")) is not { } topic)
        {
            return Topics.Unknown(request.Argument("topic"));
        }

        var removed = await subscriptions.RemoveAsync(request.Context.ConversationId, topic, cancellationToken);
        return removed ? Reply.Text($"This conversation no longer receives {topic}.") : Reply.Error($"This conversation was not subscribed to {topic}.");
    }
}
