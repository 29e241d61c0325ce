using ChatOps.Commands.Access;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.EndToEnd.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests.Messages;

/// <summary><c>help</c> groups the commands by task, what an incident needs first, each with an example.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Help_AsAdmin_GroupedByTaskLookFirst_EveryCommandInAGroupWithAnExample()
    {
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?> { ["ChatOps:Access:Admins:0"] = TeamsUser.Dana.AadObjectId });

        var reply = await AskAsync(host, TeamsUser.Dana, "help");

        var headings = reply.Blocks.OfType<HeadingBlock>().Select(h => h.Text).ToList();
        Assert.Equal(["Look", "Diagnose", "Act (each asks you to confirm a preview first)", "Knowledge", "Schedules", "You and this bot"], headings);
        var tables = reply.Blocks.OfType<TableBlock>().ToList();
        Assert.StartsWith("cluster", tables[0].Rows[0][0].Text, StringComparison.Ordinal);
        Assert.All(tables.SelectMany(t => t.Rows), row => Assert.False(string.IsNullOrWhiteSpace(row[2].Text)));
        var catalog = host.Services.GetRequiredService<CommandCatalog>();
        Assert.Equal(catalog.Commands.Count, tables.Sum(t => t.Rows.Count));
    }

    [Fact]
    public async Task Help_AsReader_ActionsLeftOutAndCounted()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await AskAsync(host, TeamsUser.Sam, "help");

        Assert.DoesNotContain(reply.Blocks.OfType<HeadingBlock>(), h => h.Text.StartsWith("Act", StringComparison.Ordinal));
        Assert.Contains(reply.Blocks.OfType<TextBlock>(), t => t.Text.Contains("more command(s) need a higher role", StringComparison.Ordinal));
    }

    private static Task<Reply> AskAsync(ChatOpsHost host, TeamsUser user, string text) =>
        host.Services.GetRequiredService<CommandRouter>().DispatchAsync(text, new CommandContext(new Caller(user.Id, user.Name, user.AadObjectId), "19:help@thread.tacv2", null, "msteams"), CancellationToken.None);
}
