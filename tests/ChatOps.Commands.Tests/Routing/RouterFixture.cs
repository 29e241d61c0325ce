using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Tests.Fakes;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Commands.Tests.Routing;

/// <summary>A router with the built-in commands plus an echo command that shows what it parsed.</summary>
internal static class RouterFixture
{
    public static readonly CommandDefinition Echo = new()
    {
        Name = "vms list",
        Aliases = ["vl"],
        Summary = "Echo parsed input.",
        Usage = "vms list <node> [words...] [--state S] [--all]",
        Arguments = [new ArgumentSpec("node"), new ArgumentSpec("words", Required: false, Rest: true)],
        Flags = [new FlagSpec("state", "Filter by state.", TakesValue: true), new FlagSpec("all", "Everything.")],
    };

    public static readonly CommandDefinition Danger = new()
    {
        Name = "kill thing",
        Summary = "Needs admin.",
        Usage = "kill thing",
        Role = Role.Admin,
    };

    public static CommandRouter Create(Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddCommands();
        builder.Services.AddSingleton<IAuditLog, MemoryAuditLog>();
        builder.Services.AddChatCommand<EchoHandler>(Echo);
        builder.Services.AddChatCommand<EchoHandler>(Danger);
        return builder.Build().Services.GetRequiredService<CommandRouter>();
    }

    public static CommandContext Teams(string aad = "user-1") =>
        new(new Caller("29:" + aad, "Pat", aad), "conv-1", "act-1", "msteams");

    public static Task<Reply> AskAsync(this CommandRouter router, string text, CommandContext? context = null) =>
        router.DispatchAsync(text, context ?? Teams(), CancellationToken.None);

    public static string Visible(this Reply reply) => string.Join('\n', reply.Blocks.Select(b => b switch
    {
        TextBlock t => t.Text,
        FactsBlock f => string.Join('\n', f.Facts.Select(x => $"{x.Name}={x.Value}")),
        TableBlock t => string.Join('\n', t.Rows.Select(r => string.Join('|', r.Select(c => c.Text)))),
        CodeBlock c => c.Code,
        _ => b.ToString(),
    }).Prepend(reply.Heading ?? string.Empty));

    internal sealed class EchoHandler : ICommandHandler
    {
        public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
        {
            var args = string.Join(';', request.Arguments.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}"));
            var flags = string.Join(';', request.Flags.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value ?? "on"}"));
            return Task.FromResult(Reply.Text($"{request.Command.Name}|{args}|{flags}"));
        }
    }
}
