using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Builtin;

/// <summary><c>whoami</c>: the caller as the bot sees them, and their role.</summary>
internal sealed class WhoAmIHandler : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "whoami",
        Summary = "Show your id, name and role as the bot sees them.",
        Usage = "whoami",
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Context.Caller;
        var facts = new List<Fact>
        {
            new("Name", caller.Name),
            new("Id", caller.Id),
            new("Entra object id", caller.AadObjectId ?? "(not provided by this channel)"),
            new("UPN", caller.Upn ?? "(not provided by this channel)"),
            new("Role", request.Context.Role.ToString().ToLowerInvariant()),
            new("Channel", request.Context.ChannelId),
        };
        return Task.FromResult(new Reply { Heading = "You", Blocks = [new FactsBlock(facts)] });
    }
}
