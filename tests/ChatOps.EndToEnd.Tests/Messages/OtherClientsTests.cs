using System.Text.Json.Nodes;
using ChatOps.Clusters.Gateway;
using ChatOps.EndToEnd.Tests.Actions;
using ChatOps.EndToEnd.Tests.Builders;

namespace ChatOps.EndToEnd.Tests.Messages;

/// <summary>
/// Web Chat, the Emulator and Direct Line run <c>Action.Submit</c> and post a button's data as the
/// message value: the bot's cards and buttons must work there as in Teams, over the same endpoint.
/// </summary>
public sealed class OtherClientsTests
{
    private const string WebAdmin = "dl_web-admin";

    [Fact]
    public async Task DirectLine_ConfirmByActionSubmit_RunsAndUpdatesTheCardInPlace()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Admins:0", "directline:" + WebAdmin));

        var card = await host.AskAsync(DirectLine(host, "kill clussvc HV04"));
        var confirm = Action(card, "Confirm");
        var status = await host.PostAsync(DirectLine(host, null).With("value", confirm["data"]!.DeepClone()).With("replyToId", card.Id));
        var update = await host.Connector.NextAsync();

        Assert.Equal("Action.Submit", confirm["type"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("update", update.Kind);
        Assert.Equal(card.Id, update.Id);
        Assert.True(1 == host.Lab().ActionCount(ClusterAction.StopClusterService), update.VisibleText);
        Assert.Contains("HV04", update.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLine_CancelByActionSubmit_WithoutNamingTheCard_NothingRunsAndTheCardSaysCancelled()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Admins:0", "directline:" + WebAdmin));

        var card = await host.AskAsync(DirectLine(host, "kill vmwp web-01"));
        // Web Chat posts the button's data with no replyToId.
        await host.PostAsync(DirectLine(host, null).With("value", Action(card, "Cancel")["data"]!.DeepClone()));
        var update = await host.Connector.NextAsync();

        Assert.Equal(card.Id, update.Id);
        Assert.Contains("Cancelled by Web User", update.VisibleText, StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.KillVmWorker));
    }

    [Theory]
    [InlineData("""{ "msteams": { "type": "imBack", "value": "whoami" }, "command": "whoami" }""")]
    [InlineData("""{ "msteams": { "type": "imBack", "value": "whoami" } }""")]
    [InlineData("""{ "command": "whoami" }""")]
    public async Task FollowUpButton_PostedAsData_RunsItsCommand(string value)
    {
        await using var host = await ActionHost.StartAsync();

        var reply = await host.AskAsync(DirectLine(host, null).With("value", JsonNode.Parse(value)));

        Assert.DoesNotContain("empty message", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("directline:" + WebAdmin, reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUpButtons_OnACard_CarryTheirCommandAsData()
    {
        await using var host = await ActionHost.StartAsync();

        var card = await host.AskAsync(DirectLine(host, "hlep"));

        var button = card.Card!["actions"]!.AsArray().First(a => a!["data"]?["command"] is not null)!;
        Assert.Equal("help", button["data"]!["command"]!.GetValue<string>());
    }

    private static JsonNode Action(Fakes.ConnectorCall card, string title) =>
        card.Card!["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == title)!;

    private static TeamsActivity DirectLine(ChatOpsHost host, string? text) => TeamsActivity.DirectLine(text, host.Connector.ServiceUrl, WebAdmin);
}
