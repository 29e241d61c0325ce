using ChatOps.Bot.Rendering;
using ChatOps.Commands.Replies;
using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Tests.Rendering;

/// <summary>
/// Cards are parsed, not grepped: every text is a typed run (never Markdown a client would
/// reinterpret), and each rendering rule is checked on the JSON a client gets.
/// </summary>
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

        Assert.Equal("1.5", card["version"]!.ToString());
        Assert.Equal("AdaptiveCard", card["type"]!.ToString());
        Assert.Equal("Node NODE3", Runs(card).First().Text);
        Assert.Contains(Elements(card), e => e["type"]?.ToString() == "Table");
        Assert.Contains(Runs(card), r => r.Text == "✖ Failed" && r.Run["color"]?.ToString() == "attention");
        Assert.Contains(Runs(card), r => r.Text == "⚠ Paused" && r.Run["color"]?.ToString() == "warning");
        var link = Runs(card).Single(r => r.Text == "host-isolation").Run["selectAction"]!;
        Assert.Equal("Action.OpenUrl", link["type"]!.ToString());
        Assert.Equal("http://localhost:3978/kb/host-isolation", link["url"]!.ToString());
    }

    /// <summary>A client reads a TextBlock as Markdown (and Teams as some HTML); no reply text may go into one.</summary>
    [Theory]
    [InlineData("kill clussvc <node> [--force]")]
    [InlineData(@"Witness: \\FS01\HVC01-Witness")]
    [InlineData("-")]
    [InlineData("2. second result")]
    [InlineData("say \"yes\" -- it's 'quoted'")]
    [InlineData("*not italic* _nor this_ # nor a heading")]
    public void Render_DataText_ShownExactlyAsTyped(string text)
    {
        var reply = new Reply
        {
            Heading = text,
            Blocks = [new TextBlock(text), new FactsBlock([new Fact(text, text)]), new TableBlock([text], [[text]]), new ListBlock([text])],
        };

        var card = Renderer.Render(reply);

        Assert.DoesNotContain(Elements(card), e => e["type"]?.ToString() == "TextBlock");
        Assert.Equal(7, Runs(card).Count(r => r.Text == text));
    }

    [Fact]
    public void Render_NamesAndUnitsGlued_CodeLeftExactlyAsTyped()
    {
        var card = Renderer.Render(Reply.Text("LEGACY-DB needs 8 GB: type `kill vmwp LEGACY-DB` and `Get-VM`"));

        var runs = Elements(card).Where(e => e["type"]!.ToString() == "TextRun").Select(r => r["text"]!.ToString()).ToList();
        Assert.Equal(["LEGACY-\u2060DB needs 8\u00A0GB: type ", "kill vmwp LEGACY-DB", " and ", "Get-VM"], runs);
    }

    [Fact]
    public void Render_FoldedValuesAndStackedFacts_KeepEveryRunOfAValue()
    {
        var facts = new FactsBlock([new Fact("Findings", "1 high; APP-07 is desynced (runbook `vm-state-desync`)", CellStatus.Attention), new Fact("VM id", "a05cea69-7117-58d4-b5f4-070f005b16a9-and-a-longer-tail")]);
        var table = new TableBlock(["Node", "State", "Site", "Memory free / total", "VMs", "Findings"], [["HV04", "Up", "DC-West", "40 GB / 256 GB", "12 running / 13", "see `kb host-isolation` now"]]);

        var card = Renderer.Render(new Reply { Blocks = [facts, table] });

        var runs = Runs(card).Select(r => r.Text).ToList();
        Assert.Contains("vm-state-desync", runs);
        Assert.Contains(")", runs);
        Assert.Contains("kb host-isolation", runs);
        Assert.Contains(" now", runs);
    }

    [Fact]
    public void Render_AWebAddressAndChineseProse_AreNotGlued()
    {
        var card = Renderer.Render(Reply.Text("See https://learn.microsoft.com/en-us/troubleshoot/windows-server/high-availability then 虚拟机APP状态不同步"));

        var text = Elements(card).Single(e => e["type"]!.ToString() == "TextRun")["text"]!.ToString();
        Assert.Contains("https://learn.microsoft.com/en-us/troubleshoot/windows-server/high-availability", text, StringComparison.Ordinal);
        Assert.EndsWith("虚拟机APP状态不同步", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AChineseNameIsGluedWhole_ChineseProseStillBreaksBetweenCharacters()
    {
        var card = Renderer.Render(Reply.Text("虚拟机 财务-证书-01 状态不同步"));

        var text = Elements(card).Single(e => e["type"]!.ToString() == "TextRun")["text"]!.ToString();
        Assert.Equal("虚拟机 财\u2060务\u2060-\u2060证\u2060书\u2060-\u20600\u20601 状态不同步", text);
    }

    [Fact]
    public void Render_InlineMarks_BecomeMonospaceAndBoldRuns()
    {
        var card = Renderer.Render(Reply.Text("Type `kill clussvc <node>` for **HV05** now"));

        var runs = Runs(card).ToList();
        Assert.Equal(["Type ", "kill clussvc <node>", " for ", "HV05", " now"], runs.Select(r => r.Text));
        Assert.Equal("Monospace", runs[1].Run["fontType"]!.ToString());
        Assert.Equal("Bolder", runs[3].Run["weight"]!.ToString());
    }

    [Fact]
    public void Render_PowerShellCode_TeamsCodeBlockWithTheExactTextAndOneMonospaceLinePerLineElsewhere()
    {
        const string code = "Get-ClusterNode |\n    Where-Object { $_.State -eq \"Down\" } |\n    Stop-ClusterNode -Name 'HV05'";
        var reply = new Reply { Blocks = [new CodeBlock(code, "powershell")] };

        var teams = Elements(Renderer.Render(reply)).Single(e => e["type"]?.ToString() == "CodeBlock");
        var other = Renderer.Render(reply, CardHost.Other);

        Assert.Equal(code, teams["codeSnippet"]!.ToString());
        Assert.Equal("PowerShell", teams["language"]!.ToString());
        Assert.Equal("Container", teams["fallback"]!["type"]!.ToString());
        Assert.DoesNotContain(Elements(other), e => e["type"]?.ToString() == "CodeBlock");
        var lines = Runs(other).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal("Monospace", l.Run["fontType"]!.ToString()));
        Assert.Equal("\u00A0\u00A0\u00A0\u00A0Where-Object { $_.State -eq \"Down\" } |", lines[1].Run["text"]!.ToString());
        Assert.Equal("Stop-ClusterNode -Name 'HV05'", lines[2].Run["text"]!.ToString().TrimStart('\u00A0'));
    }

    [Fact]
    public void Render_OrderedList_NumbersEachItemItselfInAMarkerColumn()
    {
        var card = Renderer.Render(new Reply { Blocks = [new ListBlock(["first", "second", "third"], Ordered: true)] });

        var rows = Elements(card).Where(e => e["type"]?.ToString() == "ColumnSet").ToList();
        Assert.Equal(["1.", "2.", "3."], rows.Select(r => Runs(r["columns"]![0]!).Single().Text));
        Assert.All(rows, r => Assert.Equal("auto", r["columns"]![0]!["width"]!.ToString()));
    }

    [Fact]
    public void Render_Facts_LabelColumnWideEnoughForTheLongestLabel()
    {
        var card = Renderer.Render(new Reply { Blocks = [new FactsBlock([new Fact("Severity", "high"), new Fact("Integration services", "6.3.9600.18692, older than the host's")])] });

        var table = Elements(card).Single(e => e["type"]?.ToString() == "Table");
        var width = table["columns"]![0]!["width"]!.ToString();
        Assert.EndsWith("px", width, StringComparison.Ordinal);
        Assert.True(int.Parse(width[..^2], System.Globalization.CultureInfo.InvariantCulture) >= CardWidths.Pixels("Integration", bold: true) + CardWidths.CellPadding, width);
        Assert.False(table["firstRowAsHeader"]!.Value<bool>());
    }

    [Fact]
    public void Render_TableColumns_LongTextGetsTheRoom_NoColumnBelowItsLongestWordOnTheNarrowestCard()
    {
        var table = new TableBlock(["Component", "HV01", "HV02"], [["Driver: Emulex LightPulse HBA", "11.2.1", "11.4"], ["BIOS", "P89", "P89"]]);

        var card = Renderer.Render(new Reply { Blocks = [table] });

        var widths = Elements(card).Single(e => e["type"]?.ToString() == "Table")["columns"]!.Select(c => c!["width"]!.Value<double>()).ToList();
        Assert.True(widths[0] > widths[1], string.Join(",", widths));
        var least = new[] { "Component", "11.2.1", "HV02" }.Select(w => CardWidths.Pixels(w) + CardWidths.CellPadding).ToList();
        Assert.All(widths.Zip(least), c => Assert.True(CardWidths.NarrowContent * c.First / widths.Sum() >= c.Second - 0.5, $"{c.First} of {widths.Sum()} < {c.Second}"));
    }

    [Fact]
    public void Render_TableTooWideForTheNarrowestCard_FoldsItsOtherColumnsIntoOne_EachValueKeepingItsLook()
    {
        var table = new TableBlock(["Node", "State", "Site", "Memory free / total", "VMs", "Findings"],
            [["HV04", new TableCell("Down", CellStatus.Attention), "DC-West", "40 GB / 256 GB", "12 running / 13", new TableCell("1 high", CellStatus.Attention)]]);

        var card = Renderer.Render(new Reply { Blocks = [table] });

        var grid = Elements(card).Single(e => e["type"]?.ToString() == "Table");
        Assert.Equal(2, grid["columns"]!.Count());
        Assert.Contains(Runs(grid), r => r.Text == "State · Site · Memory free / total · VMs · Findings");
        var down = Runs(grid).Single(r => r.Text.StartsWith("✖ Down", StringComparison.Ordinal));
        Assert.Equal("attention", down.Run["color"]!.ToString());
        Assert.Contains(Runs(grid), r => r.Run["text"]!.ToString() == "DC-\u2060West");
        Assert.Contains(Runs(grid), r => r.Run["text"]!.ToString() == "40\u00A0GB / 256\u00A0GB");
    }

    [Fact]
    public void Render_HugeTable_StaysUnderBudgetWithANote()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => (IReadOnlyList<TableCell>)[$"vm-{i:D4}", "Running", "NODE1"]).ToList();
        var reply = new Reply { Heading = "VMs", Blocks = [new TableBlock(["VM", "State", "Owner"], rows), new TextBlock("after the table")] };

        var card = Renderer.Render(reply);

        Assert.True(AdaptiveCardRenderer.Size(card) <= AdaptiveCardRenderer.MaxCardBytes, $"card is {AdaptiveCardRenderer.Size(card)} bytes");
        Assert.Contains(Runs(card), r => r.Text == "vm-0000");
        Assert.Contains(Runs(card), r => r.Text.Contains("more row(s)", StringComparison.Ordinal) && r.Text.Contains("1 more part(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_HugeCodeBlock_IsCutToFit()
    {
        var reply = new Reply { Blocks = [new CodeBlock(new string('x', 100_000))] };

        var card = Renderer.Render(reply);

        Assert.True(AdaptiveCardRenderer.Size(card) <= AdaptiveCardRenderer.MaxCardBytes);
        Assert.Contains(Runs(card), r => r.Text.Contains("cut to fit", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_DestructiveConfirmation_DestructiveButtonAndAttentionContainer()
    {
        var reply = new Reply
        {
            Heading = "Stop the cluster service on HV05?",
            Confirmation = new ConfirmationRequest("p-1", "n-secret", "Only Dana can confirm.", DateTimeOffset.UnixEpoch, Destructive: true),
        };

        var card = Renderer.Render(reply);
        var actions = card["actions"]!;

        Assert.Equal("Action.Execute", actions[0]!["type"]!.ToString());
        Assert.Equal(CardWire.Confirm, actions[0]!["verb"]!.ToString());
        Assert.Equal("destructive", actions[0]!["style"]!.ToString());
        Assert.Equal(CardWire.Confirm, actions[0]!["data"]![CardWire.VerbKey]!.ToString());
        Assert.Equal("p-1", actions[0]!["data"]![CardWire.PendingIdKey]!.ToString());
        Assert.Equal("n-secret", actions[0]!["data"]![CardWire.NonceKey]!.ToString());
        Assert.Equal(CardWire.Cancel, actions[1]!["verb"]!.ToString());
        Assert.Equal("default", actions[1]!["style"]!.ToString());
        Assert.Contains(Elements(card), e => e["type"]?.ToString() == "Container" && e["style"]?.ToString() == "attention" && Runs(e).Any(r => r.Text == "Only Dana can confirm."));
    }

    [Fact]
    public void Render_HarmlessConfirmation_PositiveButton()
    {
        var reply = new Reply { Confirmation = new ConfirmationRequest("p-1", "n", "Confirm.", DateTimeOffset.UnixEpoch) };

        Assert.Equal("positive", Renderer.Render(reply)["actions"]![0]!["style"]!.ToString());
    }

    [Fact]
    public void Render_OutsideTeams_ConfirmIsActionSubmitWithTheSameData()
    {
        var reply = new Reply { Confirmation = new ConfirmationRequest("p-1", "n-secret", "Confirm.", DateTimeOffset.UnixEpoch, Destructive: true) };

        var teams = Renderer.Render(reply)["actions"]![0]!;
        var other = Renderer.Render(reply, CardHost.Other)["actions"]![0]!;

        Assert.Equal("Action.Submit", other["type"]!.ToString());
        Assert.Null(other["verb"]);
        Assert.True(JToken.DeepEquals(teams["data"], other["data"]));
        Assert.Equal("destructive", other["style"]!.ToString());
    }

    [Fact]
    public void Render_FollowUpButton_CarriesTheCommandForTeamsAndForEveryOtherClient()
    {
        var card = Renderer.Render(new Reply { Buttons = [new ReplyButton("Diagnose", "diagnose")] });

        var data = card["actions"]![0]!["data"]!;
        Assert.Equal("imBack", data["msteams"]!["type"]!.ToString());
        Assert.Equal("diagnose", data["msteams"]!["value"]!.ToString());
        Assert.Equal("diagnose", data[CardWire.CommandKey]!.ToString());
    }

    [Fact]
    public void Render_Refresh_InTeamsOnly_AtMost60UserIds()
    {
        var reply = new Reply { Refresh = new CardRefresh("p-1", [.. Enumerable.Range(0, 80).Select(i => $"29:user-{i}"), "29:user-0"]) };

        var teams = Renderer.Render(reply)["refresh"]!;
        var other = Renderer.Render(reply, CardHost.Other);

        Assert.Equal("Action.Execute", teams["action"]!["type"]!.ToString());
        Assert.Equal(CardWire.Refresh, teams["action"]!["verb"]!.ToString());
        Assert.Equal(CardWire.Refresh, teams["action"]!["data"]![CardWire.VerbKey]!.ToString());
        Assert.Equal("p-1", teams["action"]!["data"]![CardWire.PendingIdKey]!.ToString());
        Assert.Null(teams["action"]!["data"]![CardWire.NonceKey]);
        Assert.Equal(60, teams["userIds"]!.Count());
        Assert.Null(other["refresh"]);
    }

    [Fact]
    public void Render_Details_FoldedAwayBehindAToggle()
    {
        var card = Renderer.Render(new Reply { Blocks = [new TextBlock("Done.")], Details = [new TextBlock("the preview")], DetailsTitle = "Show the preview" });

        var details = Elements(card).Single(e => e["id"]?.ToString() == AdaptiveCardRenderer.DetailsId);
        Assert.False(details["isVisible"]!.Value<bool>());
        Assert.Contains(Runs(details), r => r.Text == "the preview");
        var toggle = card["actions"]!.Single();
        Assert.Equal("Action.ToggleVisibility", toggle["type"]!.ToString());
        Assert.Equal(AdaptiveCardRenderer.DetailsId, toggle["targetElements"]![0]!.ToString());
    }

    [Theory]
    [InlineData(CellStatus.Ok, "good", null, false)]
    [InlineData(CellStatus.Warning, "warning", "⚠ ", false)]
    [InlineData(CellStatus.Attention, "attention", "✖ ", false)]
    [InlineData(CellStatus.Unknown, null, "? ", true)]
    [InlineData(CellStatus.History, null, null, true)]
    public void Render_EachStatus_ItsOneColourAndMark(CellStatus status, string? colour, string? mark, bool subtle)
    {
        var card = Renderer.Render(new Reply { Blocks = [new FactsBlock([new Fact("Cache", "stale", status)])] });

        var run = Runs(card).Single(r => r.Text.EndsWith("stale", StringComparison.Ordinal));
        Assert.Equal(mark + "stale", run.Text);
        Assert.Equal(colour, run.Run["color"]?.ToString());
        Assert.Equal(subtle, run.Run["isSubtle"]?.Value<bool>() ?? false);
    }

    [Fact]
    public void Render_ConfirmationWithoutConfirm_OnlyItsCancelButton()
    {
        var reply = new Reply { Confirmation = new ConfirmationRequest("p-1", "n", "You can still cancel it.", DateTimeOffset.UnixEpoch, true, ConfirmTitle: null) };

        var action = Renderer.Render(reply)["actions"]!.Single();

        Assert.Equal(CardWire.Cancel, action["verb"]!.ToString());
        Assert.Equal("Cancel", action["title"]!.ToString());
    }

    /// <summary>Every element of a card, depth first.</summary>
    private static IEnumerable<JObject> Elements(JToken token) =>
        (token is JContainer container ? container.DescendantsAndSelf() : [token]).OfType<JObject>().Where(o => o["type"] is not null);

    /// <summary>Each run's text as a person reads it (the invisible glue of names and units left out), and the run itself.</summary>
    private static IEnumerable<(string Text, JObject Run)> Runs(JToken token) =>
        Elements(token).Where(e => e["type"]!.ToString() == "TextRun").Select(r => (r["text"]!.ToString().Replace("\u2060", string.Empty, StringComparison.Ordinal).Replace('\u00A0', ' '), r));
}
