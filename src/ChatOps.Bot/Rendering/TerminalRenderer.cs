using ChatOps.Commands.Replies;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ChatOps.Bot.Rendering;

/// <summary>Renders a reply for the terminal with Spectre.Console: tables, colours, panels.</summary>
internal static partial class TerminalRenderer
{
    /// <param name="reply">What to show.</param>
    /// <param name="width">The console's width in columns: a table whose words would not fit side by side is folded.</param>
    public static IRenderable Render(Reply reply, int width = 80)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var parts = new List<IRenderable>();
        if (reply.Heading is not null)
        {
            parts.Add(new Markup($"[bold underline]{Markup.Escape(reply.Heading)}[/]"));
        }

        // Folded details are left out: a decided action's preview was printed here when it was asked, and a
        // reply whose details matter on their own offers the command that shows them as a button.
        parts.AddRange(reply.Blocks.Select(b => Block(b, width)));

        if (reply.Confirmation is { } confirmation)
        {
            parts.Add(new Markup($"[bold yellow]{Inline(confirmation.Prompt)}[/]"));
        }

        if (reply.Buttons.Count > 0)
        {
            parts.Add(new Markup("[grey]Next:[/] " + string.Join("  ", reply.Buttons.Select(b => $"[cyan]{Markup.Escape(b.Command)}[/]"))));
        }

        return new Rows(parts);
    }

    /// <summary>Inline markdown-lite (<c>`code`</c>, <c>**bold**</c>) as Spectre markup, everything else escaped.</summary>
    public static string Inline(string text) => Severity(ReplyInline.Format(text, Markup.Escape, ("[cyan]", "[/]"), ("[bold]", "[/]")));

    private static IRenderable Block(ReplyBlock block, int width) => block switch
    {
        TextBlock t => new Markup(Styled(Inline(t.Text), t.Style)),
        HeadingBlock h => new Markup($"\n[bold]{Severity(Markup.Escape(h.Text))}[/]"),
        FactsBlock f => Facts(f),
        ListBlock l => List(l),
        CodeBlock c => Code(c),
        TableBlock t => Table(t, width),
        LinksBlock links => new Markup(string.Join('\n', links.Links.Select(Link))),
        _ => new Text(block.ToString() ?? string.Empty),
    };

    /// <summary>
    /// A link on its line with its address. A link that leads with words of its own (a summary line) gives
    /// the runbook as the command that shows it here, so the line stays one line.
    /// </summary>
    private static string Link(ReplyLink link) => link.Lead is { } lead
        ? $"{Status(Markup.Escape(lead), link.Status)} → [link={Markup.Escape(link.Url)}][cyan]{Markup.Escape(link.KbId is { } id ? $"kb {id}" : link.Title)}[/][/]"
        : $" → {Markup.Escape(link.Title)} [link={Markup.Escape(link.Url)}][blue]{Markup.Escape(link.Url)}[/][/]";

    /// <summary>Items beside their markers, so a wrapped item hangs under its own text.</summary>
    private static Grid List(ListBlock list)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn();
        for (var i = 0; i < list.Items.Count; i++)
        {
            grid.AddRow(new Markup(list.Ordered ? $"{i + 1}." : " •"), new Markup(Inline(list.Items[i])));
        }

        return grid;
    }

    /// <summary>Code as it is, one line per line: never wrapped (a line wider than the terminal is cut with "…", not folded into the next).</summary>
    private static Panel Code(CodeBlock code) =>
        new(new CodeLines(code.Code.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))) { Border = BoxBorder.Rounded, BorderStyle = new Style(Color.Grey) };

    /// <summary>Lines that are cut at the width they get, never wrapped.</summary>
    private sealed class CodeLines(IReadOnlyList<string> lines) : Renderable
    {
        protected override Measurement Measure(RenderOptions options, int maxWidth) =>
            new(1, Math.Min(maxWidth, Math.Max(1, lines.Max(l => l.GetCellWidth()))));

        protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            foreach (var line in lines)
            {
                yield return new Segment(line.GetCellWidth() <= maxWidth ? line : line[..Math.Max(0, maxWidth - 1)] + "…");
                yield return Segment.LineBreak;
            }
        }
    }

    /// <summary>A leading severity ("Critical:", "[high]", "High (2)") in its colour.</summary>
    private static string Severity(string markup)
    {
        var match = SeverityWord().Match(markup);
        if (!match.Success)
        {
            return markup;
        }

        var colour = match.Groups["word"].Value.ToLowerInvariant() switch
        {
            "critical" => "red bold",
            "high" => "red",
            "medium" => "yellow",
            _ => "grey",
        };
        return $"[{colour}]{match.Value}[/]{markup[match.Length..]}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\[\[)?(?<word>critical|high|medium|low)(\]\]|:|(?= \())", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SeverityWord();

    private static Grid Facts(FactsBlock facts)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var fact in facts.Facts)
        {
            grid.AddRow(new Markup($"[grey]{Markup.Escape(fact.Name)}[/]"), new Markup(Status(Inline(fact.Value), fact.Status)));
        }

        return grid;
    }

    /// <summary>
    /// A table with all its columns when their longest words fit side by side in the console; otherwise
    /// folded to two, the first column as it is and the others, in order, as one line of values under
    /// one header, so a date or a name is never split across lines.
    /// </summary>
    private static Table Table(TableBlock block, int width)
    {
        var least = block.Columns.Select((header, i) => block.Rows.Select(r => i < r.Count ? LongestWord(StatusLook.Of(r[i].Status).Marked(r[i].Text)) : 0)
            .Append(LongestWord(header)).Max() + 3).Sum() + 1;
        var folded = least > width && block.Columns.Count >= FoldedTable.FewestColumns;
        var columns = folded ? [block.Columns[0], FoldedTable.Header(block.Columns)] : block.Columns;
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Markup($"[bold]{Markup.Escape(column)}[/]")));
        }

        foreach (var row in block.Rows)
        {
            var cells = row.Select(cell => Status(Inline(cell.Text.Length == 0 && folded ? "-" : cell.Text), cell.Status)).ToList();
            IEnumerable<string> shown = folded ? [cells.Count > 0 ? cells[0] : string.Empty, string.Join(FoldedTable.Separator, cells.Skip(1))] : cells;
            table.AddRow(shown.Select(markup => (IRenderable)new Markup(markup)));
        }

        return table;
    }

    /// <summary>The widest word in terminal columns (a Chinese character takes two).</summary>
    private static int LongestWord(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Sum(c => CardWidths.IsWide(c) ? 2 : 1)).DefaultIfEmpty(0).Max();

    private static string Styled(string markup, TextStyle style) => Looking(markup, StatusLook.Of(style));

    private static string Status(string markup, CellStatus status) => Looking(markup, StatusLook.Of(status));

    private static string Looking(string markup, StatusLook look)
    {
        var marked = look.Mark is null ? markup : $"{Markup.Escape(look.Mark)} {markup}";
        return look.Colour switch
        {
            StatusColour.Good => $"[green]{marked}[/]",
            StatusColour.Warning => $"[yellow]{marked}[/]",
            StatusColour.Attention => $"[red bold]{marked}[/]",
            StatusColour.Subtle => $"[grey]{marked}[/]",
            _ => marked,
        };
    }
}
