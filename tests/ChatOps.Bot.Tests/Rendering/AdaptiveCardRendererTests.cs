using ChatOps.Bot.Rendering;
using ChatOps.Commands.Replies;

namespace ChatOps.Bot.Tests.Rendering;

public sealed class AdaptiveCardRendererTests
{
    private static readonly AdaptiveCardRenderer Renderer = new();

    [Fact]
    public void Render_SmallReply_IsAdaptiveCard15WithEveryBlock()
    {
        var reply = new Reply
        {
            Heading = "Node NODE3",
            Blocks =
            [
                new TextBlock("Paused for maintenance", TextStyle.Warning),
                new FactsBlock([new Fact("State", "Paused", CellStatus.Warning)]),
                new TableBlock(["VM", "State"], [["web01", new TableCell("Failed", CellStatus.Attention)]]),
                new ListBlock(["one", "two"], Ordered: true),
                new CodeBlock("Get-ClusterNode"),
                new LinksBlock([new ReplyLink("host-isolation", "http://localhost:3978/kb/host-isolation", "host-isolation")]),
            ],
        };

        var card = Renderer.Render(reply);
        var json = card.ToString();

        Assert.Equal("1.5", card["version"]!.ToString());
        Assert.Equal("AdaptiveCard", card["type"]!.ToString());
        Assert.Contains("\"type\": \"Table\"", json, StringComparison.Ordinal);
        Assert.Contains("\"color\": \"attention\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"FactSet\"", json, StringComparison.Ordinal);
        Assert.Contains("1. one\\n2. two", json, StringComparison.Ordinal);
        Assert.Contains("\"fontType\": \"Monospace\"", json, StringComparison.Ordinal);
        Assert.Contains("[host-isolation](http://localhost:3978/kb/host-isolation)", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HugeTable_StaysUnderBudgetWithANote()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => (IReadOnlyList<TableCell>)[$"vm-{i:D4}", "Running", "NODE1"]).ToList();
        var reply = new Reply { Heading = "VMs", Blocks = [new TableBlock(["VM", "State", "Owner"], rows), new TextBlock("after the table")] };

        var card = Renderer.Render(reply);

        Assert.True(AdaptiveCardRenderer.Size(card) <= AdaptiveCardRenderer.MaxCardBytes, $"card is {AdaptiveCardRenderer.Size(card)} bytes");
        var json = card.ToString();
        Assert.Contains("vm-0000", json, StringComparison.Ordinal);
        Assert.Contains("more row(s)", json, StringComparison.Ordinal);
        Assert.Contains("1 more part(s)", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HugeCodeBlock_IsCutToFit()
    {
        var reply = new Reply { Blocks = [new CodeBlock(new string('x', 100_000))] };

        var card = Renderer.Render(reply);

        Assert.True(AdaptiveCardRenderer.Size(card) <= AdaptiveCardRenderer.MaxCardBytes);
        Assert.Contains("cut to fit", card.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Confirmation_HasExecuteActionsWithNonce()
    {
        var reply = new Reply
        {
            Heading = "Kill the cluster service on NODE3?",
            Confirmation = new ConfirmationRequest("p-1", "n-secret", "Confirm within 2 minutes.", DateTimeOffset.UnixEpoch),
        };

        var card = Renderer.Render(reply);
        var actions = card["actions"]!;

        Assert.Equal("Action.Execute", actions[0]!["type"]!.ToString());
        Assert.Equal("confirm", actions[0]!["verb"]!.ToString());
        Assert.Equal("n-secret", actions[0]!["data"]!["nonce"]!.ToString());
        Assert.Equal("cancel", actions[1]!["verb"]!.ToString());
    }
}
