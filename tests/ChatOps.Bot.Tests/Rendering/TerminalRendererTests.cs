using System.Text.RegularExpressions;
using ChatOps.Bot.Rendering;
using ChatOps.Commands.Replies;
using Spectre.Console;

namespace ChatOps.Bot.Tests.Rendering;

/// <summary>The terminal chat's rendering at 80 columns: words whole, code unwrapped, lists hanging, severities coloured.</summary>
public sealed partial class TerminalRendererTests
{
    private const string Sentence = "The node stays Paused until an admin resumes it; its virtual machines were drained to the other nodes of the site before maintenance began this morning.";

    [Fact]
    public void Text_LongerThanALine_WrapsBetweenWordsWithin80Columns()
    {
        var output = Render(new Reply { Heading = "Node HV03", Blocks = [new TextBlock(Sentence), new FactsBlock([new Fact("Integration services", Sentence)])] });

        Assert.All(Lines(output), line => Assert.True(line.Length <= 80, line));
        var words = Words(Sentence + " Node HV03 Integration services");
        Assert.All(Words(output), word => Assert.Contains(word, words));
    }

    [Fact]
    public void Table_AtChatWidth_NoWordSplit()
    {
        var table = new TableBlock(["Component", "Majority", "HV01", "HV02", "HV03"],
        [
            ["Driver: HP NC382i DP Multifunction Gigabit", "5.2.22.0", "5.2.22.0", "5.2.99.0", "5.2.22.0"],
            ["Firmware: BIOS", "I27 2010-09-30", "I27 2010-09-30", "I27 2009-07-10", "I27 2010-09-30"],
        ]);

        var output = Render(new Reply { Blocks = [table] });

        var words = Words(string.Join(' ', table.Columns.Concat(table.Rows.SelectMany(r => r.Select(c => c.Text)))));
        Assert.All(Words(output), word => Assert.Contains(word, words));
    }

    [Fact]
    public void Table_TooWideForTheTerminal_FoldsItsColumnsInsteadOfSplittingDates()
    {
        var table = new TableBlock(["Component", "Majority", "HV01", "HV02", "HV03", "HV04", "HV05", "HV06"],
        [
            ["Firmware: BIOS", "I27 2010-09-30", "I27 2010-09-30", "I27 2010-09-30", "I27 2010-09-30", new ChatOps.Commands.Replies.TableCell("I27 2009-07-10", CellStatus.Warning), "I27 2010-09-30", "I27 2010-09-30"],
        ]);

        var output = Render(new Reply { Blocks = [table] });

        Assert.All(Lines(output), line => Assert.True(line.Length <= 80, line));
        var words = Words(string.Join(' ', table.Columns.Concat(table.Rows.SelectMany(r => r.Select(c => c.Text)))));
        Assert.All(Words(output), word => Assert.Contains(word, words));
        Assert.Contains("2009-07-10", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_LineWiderThanTheTerminal_IsNotFoldedIntoTheNextLine()
    {
        const string code = "Get-ClusterGroup -Cluster HVC01 | Where-Object { $_.State -ne 'Online' } | Move-ClusterGroup -Node HV05 -Wait 120\nStart-ClusterGroup -Name 'SQL-02'";

        var output = Render(new Reply { Blocks = [new CodeBlock(code, "powershell")] });

        var lines = Lines(output).Where(l => l.Contains('│')).Select(l => l.Trim('│', ' ')).Where(l => l.Length > 0).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("Get-ClusterGroup -Cluster HVC01", lines[0], StringComparison.Ordinal);
        Assert.Equal("Start-ClusterGroup -Name 'SQL-02'", lines[1]);
    }

    [Fact]
    public void List_WrappedItem_HangsUnderItsOwnText()
    {
        var output = Render(new Reply { Blocks = [new ListBlock(["short", Sentence], Ordered: true)] });

        var lines = Lines(output).SkipWhile(l => !l.StartsWith("2.", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count >= 2, output);
        Assert.StartsWith("2. The node", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("   ", lines[1], StringComparison.Ordinal);
        Assert.NotEqual(' ', lines[1][3]);
    }

    [Theory]
    [InlineData("Critical: HV02 lost quorum", "Critical:", "91")]
    [InlineData("[medium] HV04 BIOS differs", "[medium]", "93")]
    public void Severity_AtTheStartOfAnItem_IsColoured(string item, string word, string ansiColour)
    {
        var output = Render(new Reply { Blocks = [new ListBlock([item])] }, ansi: true);

        Assert.Matches($@"\u001b\[[0-9;]*{ansiColour}[0-9;]*m{Regex.Escape(word)}", output);
    }

    [Fact]
    public void Severity_Heading_IsColoured()
    {
        var output = Render(new Reply { Blocks = [new HeadingBlock("High (1)", 3)] }, ansi: true);

        Assert.Matches(@"\u001b\[[0-9;]*91[0-9;]*mHigh", output);
    }

    [Fact]
    public void EveryStatus_CarriesItsMark_SoAnUncolouredTerminalStillShowsIt()
    {
        var output = Render(new Reply { Blocks = [new FactsBlock([new Fact("Quorum", "4 of 7, 4 needed", CellStatus.Warning), new Fact("Node", "Down", CellStatus.Attention), new Fact("Disks", "unknown: not read", CellStatus.Unknown), new Fact("Before", "stale", CellStatus.History)])] });

        Assert.Contains("⚠ 4 of 7, 4 needed", output, StringComparison.Ordinal);
        Assert.Contains("✖ Down", output, StringComparison.Ordinal);
        Assert.Contains("? unknown: not read", output, StringComparison.Ordinal);
        Assert.DoesNotContain("✖ stale", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ADecidedActionsPreview_IsNotPrintedAgainUnderItsResult()
    {
        var output = Render(new Reply { Heading = "Flushed the DNS cache on HV01.", Blocks = [new TextBlock("Confirmed by Dana at 09:00 UTC.")], Details = [new FactsBlock([new Fact("DNS cache", "stale: web01", CellStatus.History)])], DetailsTitle = "Before it ran: the preview of 09:00 UTC" });

        Assert.Contains("Confirmed by Dana", output, StringComparison.Ordinal);
        Assert.DoesNotContain("stale", output, StringComparison.Ordinal);
        Assert.DoesNotContain("preview", output, StringComparison.Ordinal);
    }

    private static string Render(Reply reply, bool ansi = false)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 80;
        console.Write(TerminalRenderer.Render(reply));
        return writer.ToString();
    }

    private static List<string> Lines(string output) => output.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();

    /// <summary>The words of a text, without the box-drawing characters and punctuation around them.</summary>
    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}.\-']*[\p{L}\p{N}]|[\p{L}\p{N}]")]
    private static partial Regex WordPattern();
}
