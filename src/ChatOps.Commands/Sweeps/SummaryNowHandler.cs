using ChatOps.Commands.Access;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Sweeps;

/// <summary><c>summary now</c>: sends the summary to every subscribed conversation, as the scheduled job does.</summary>
internal sealed class SummaryNowHandler(SummaryPublisher summaries) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "summary now",
        Summary = "Sweep and post the summary to every subscribed conversation now.",
        Usage = "summary now",
        Role = Role.Operator,
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var result = await summaries.PublishAsync(null, cancellationToken);
        var text = $"Summary sent to {result.Delivered} conversation(s)" +
            (result.Failed > 0 ? $"; {result.Failed} failed" : string.Empty) +
            (result.Unsubscribed > 0 ? $"; {result.Unsubscribed} removed (the bot was blocked or removed there)" : string.Empty) + ".";
        return new Reply
        {
            Heading = "Summary",
            Blocks = [new TextBlock(text), .. result.Delivered + result.Failed == 0 ? [new TextBlock("Nobody is subscribed: `subscribe summaries` in a channel or chat.", TextStyle.Subtle)] : Array.Empty<ReplyBlock>()],
            Outcome = result.Failed > 0 ? ReplyOutcome.Failed : ReplyOutcome.Ok,
        };
    }
}
