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
        if (caller.ChannelScopedId is { } scoped)
        {
            facts.Insert(2, new Fact("Access entry", scoped));
        }

        var blocks = new List<ReplyBlock> { new FactsBlock(facts) };
        if (!caller.IsLocalUser)
        {
            blocks.Add(new TextBlock($"To give you a role, an admin adds `{caller.AccessEntry}` to `ChatOps:Access:Operators` or `ChatOps:Access:Admins`" +
                (caller.AadObjectId is null ? "." : caller.Upn is null ? " (a UPN works too, once Teams tells me yours)." : $" (or your UPN, `{caller.Upn}`).")));
        }

        return Task.FromResult(new Reply { Heading = "You", Blocks = blocks });
    }
}
