using ChatOps.Commands.Access;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.EndToEnd.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests.Messages;

/// <summary><c>help</c> groups the commands by task, what an incident needs first, and offers the first steps as buttons.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Help_AsAdmin_GroupedByTaskLookFirst_EveryCommandInAGroup_FirstStepsAsButtonsNamingTheLab()
    {
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?> { ["ChatOps:Access:Admins:0"] = TeamsUser.Dana.AadObjectId });

        var reply = await AskAsync(host, TeamsUser.Dana, "help");

        var groups = Assert.Single(reply.Blocks.OfType<FactsBlock>()).Facts;
        Assert.Equal(["Look", "Diagnose", "Act (a preview to confirm first)", "Knowledge", "Schedules", "You and this bot"], groups.Select(g => g.Name));
        Assert.StartsWith("`cluster`", groups[0].Value, StringComparison.Ordinal);
        var catalog = host.Services.GetRequiredService<CommandCatalog>();
        Assert.Equal(catalog.Commands.Count, groups.Sum(g => g.Value.Split(" · ").Length));
        Assert.Equal(["diagnose", "vm SQL-01", "node HV01", "capacity", "kb search 169.254"], reply.Buttons.Select(b => b.Command));
    }

    [Fact]
    public async Task HelpForAnAction_ItsExampleNamesARealNodeAndIsWrittenOut_NeverAOneTapButton()
    {
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?> { ["ChatOps:Access:Admins:0"] = TeamsUser.Dana.AadObjectId });

        var reply = await AskAsync(host, TeamsUser.Dana, "help kill clussvc");

        Assert.Empty(reply.Buttons);
        Assert.Equal("kill clussvc HV01", Assert.Single(reply.Blocks.OfType<CodeBlock>()).Code);
    }

    [Fact]
    public async Task Help_AsReader_ActionsLeftOutAndCounted()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await AskAsync(host, TeamsUser.Sam, "help");

        Assert.DoesNotContain(Assert.Single(reply.Blocks.OfType<FactsBlock>()).Facts, g => g.Name.StartsWith("Act", StringComparison.Ordinal));
        Assert.Contains(reply.Blocks.OfType<TextBlock>(), t => t.Text.Contains("more command(s) need a higher role", StringComparison.Ordinal));
    }

    private static Task<Reply> AskAsync(ChatOpsHost host, TeamsUser user, string text) =>
        host.Services.GetRequiredService<CommandRouter>().DispatchAsync(text, new CommandContext(new Caller(user.Id, user.Name, user.AadObjectId), "19:help@thread.tacv2", null, "msteams"), CancellationToken.None);
}
