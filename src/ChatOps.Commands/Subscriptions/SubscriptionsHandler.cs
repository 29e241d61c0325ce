using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Subscriptions;

/// <summary><c>subscriptions</c>: who receives scheduled posts.</summary>
internal sealed class SubscriptionsHandler(ISubscriptions subscriptions) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "subscriptions",
        Summary = "List the conversations that receive scheduled posts.",
        Usage = "subscriptions",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var all = await subscriptions.ListAsync(null, cancellationToken);
        if (all.Count == 0)
        {
            return Reply.Text("No conversation is subscribed. Type `subscribe summaries` in a channel to start.", "Subscriptions");
        }

        var rows = all.Select(s => (IReadOnlyList<TableCell>)[s.Topic, s.ConversationId, s.SubscribedBy, s.Since.ToString("yyyy-MM-dd HH:mm")]).ToList();
        return new Reply { Heading = "Subscriptions", Blocks = [new TableBlock(["Topic", "Conversation", "By", "Since (UTC)"], rows)] };
    }
}
