using ChatOps.Commands.Replies;
using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Rendering;

/// <summary>
/// Adaptive Card elements for each reply block, built from typed elements: text is a
/// <c>RichTextBlock</c> of <c>TextRun</c>s, which no client reads as Markdown or HTML, so
/// <c>&lt;node&gt;</c>, <c>--force</c>, <c>\\FS01</c>, a lone "-" and "2." show exactly as the data has them.
/// </summary>
internal static class CardElements
{
    /// <summary>Roughly how wide a character of the default font is, for column widths in pixels.</summary>
    private const int PixelsPerCharacter = 8;

    /// <summary>Elements for a block within a byte budget; a table or list keeps the rows that fit.</summary>
    public static (IReadOnlyList<JObject> Elements, int RowsLeftOut) For(ReplyBlock block, int budget, CardHost host)
    {
        switch (block)
        {
            case TableBlock table:
                return Table(table, budget);
            case ListBlock list:
                return List(list, budget);
        }

        var element = Single(block, host);
        if (AdaptiveCardRenderer.Size(element) <= budget)
        {
            return ([element], 0);
        }

        return block switch
        {
            TextBlock t when budget > 400 => ([Text(Cut(t.Text, budget), Color(t.Style), t.Style == TextStyle.Subtle)], 0),
            CodeBlock c when budget > 400 => ([Code(c with { Code = Cut(c.Code, budget / 2) }, CardHost.Other)], 0),
            _ => ([], 0),
        };
    }

    /// <summary>A paragraph of reply text: plain, <c>`code`</c> (monospace) and <c>**bold**</c> runs.</summary>
    public static JObject Text(string text, string? color = null, bool subtle = false, string? size = null, bool bold = false)
    {
        var inlines = new JArray();
        foreach (var (run, kind) in ReplyInline.Runs(text))
        {
            var element = new JObject { ["type"] = "TextRun", ["text"] = run };
            if (kind == ReplyInline.Kind.Code)
            {
                element["fontType"] = "Monospace";
            }

            if (bold || kind == ReplyInline.Kind.Bold)
            {
                element["weight"] = "Bolder";
            }

            if (size is not null)
            {
                element["size"] = size;
            }

            if (color is not null)
            {
                element["color"] = color;
            }

            if (subtle)
            {
                element["isSubtle"] = true;
            }

            inlines.Add(element);
        }

        return new JObject { ["type"] = "RichTextBlock", ["inlines"] = inlines };
    }

    /// <summary>A heading: the words as they are, no marks read.</summary>
    public static JObject Heading(string text, string size = "Medium") => Plain(text, size, bold: true);

    /// <summary>One run of text exactly as given.</summary>
    private static JObject Plain(string text, string? size = null, bool bold = false)
    {
        var run = new JObject { ["type"] = "TextRun", ["text"] = text };
        if (size is not null)
        {
            run["size"] = size;
        }

        if (bold)
        {
            run["weight"] = "Bolder";
        }

        return new JObject { ["type"] = "RichTextBlock", ["inlines"] = new JArray(run) };
    }

    /// <summary>Confirm or Cancel: <c>Action.Execute</c> in Teams (Universal Actions), <c>Action.Submit</c> with the same data elsewhere.</summary>
    public static JObject Decision(string title, string verb, ConfirmationRequest confirmation, string style, CardHost host)
    {
        var data = new JObject { [CardAction.VerbKey] = verb, [CardAction.PendingIdKey] = confirmation.PendingId, [CardAction.NonceKey] = confirmation.Nonce };
        var action = new JObject { ["type"] = host == CardHost.Teams ? "Action.Execute" : "Action.Submit", ["title"] = title, ["style"] = style, ["data"] = data };
        if (host == CardHost.Teams)
        {
            action["verb"] = verb;
        }

        return action;
    }

    /// <summary>
    /// A button that sends a command as if typed: Teams posts <c>msteams.value</c> as the message
    /// text (imBack); other clients post the data as the message value, where the bot reads <see cref="CardAction.CommandKey"/>.
    /// </summary>
    public static JObject ImBack(string title, string command) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JObject { ["msteams"] = new JObject { ["type"] = "imBack", ["value"] = command }, [CardAction.CommandKey] = command },
    };

    private static JObject Single(ReplyBlock block, CardHost host) => block switch
    {
        TextBlock t => Text(t.Text, Color(t.Style), t.Style == TextStyle.Subtle),
        HeadingBlock h => Heading(h.Text, h.Level <= 2 ? "Medium" : "Default"),
        FactsBlock f => Facts(f),
        CodeBlock c => Code(c, host),
        LinksBlock links => new JObject
        {
            ["type"] = "Container",
            ["items"] = new JArray(links.Links.Select(Link)),
        },
        _ => Text(block.ToString() ?? string.Empty),
    };

    /// <summary>A link as one line: its title, opening its address.</summary>
    private static JObject Link(ReplyLink link) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JArray(new JObject
        {
            ["type"] = "TextRun",
            ["text"] = link.Title,
            ["color"] = "accent",
            ["selectAction"] = new JObject { ["type"] = "Action.OpenUrl", ["url"] = link.Url, ["title"] = link.Title },
        }),
    };

    /// <summary>
    /// Facts as a two-column table without a header. The label column is as wide as the longest
    /// label (in pixels), so a label never breaks mid-word; the value takes the rest.
    /// </summary>
    private static JObject Facts(FactsBlock facts)
    {
        var longest = facts.Facts.Select(f => f.Name.Length).DefaultIfEmpty(4).Max();
        return new JObject
        {
            ["type"] = "Table",
            ["showGridLines"] = false,
            ["firstRowAsHeader"] = false,
            ["columns"] = new JArray(
                new JObject { ["width"] = $"{Math.Min(longest, 24) * PixelsPerCharacter + 16}px" },
                new JObject { ["width"] = 1 }),
            ["rows"] = new JArray(facts.Facts.Select(f => new JObject
            {
                ["type"] = "TableRow",
                ["cells"] = new JArray(Cell(new TableCell(f.Name), bold: true, subtle: true), Cell(new TableCell(f.Value, f.Status))),
            })),
        };
    }

    /// <summary>
    /// A code block, monospace, one line per line, as copyable as the client allows: Teams'
    /// <c>CodeBlock</c> (with a copy button), falling back to monospace lines where it is unknown.
    /// </summary>
    private static JObject Code(CodeBlock code, CardHost host)
    {
        var lines = code.Code.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var plain = new JObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["items"] = new JArray(lines.Select(line => new JObject
            {
                ["type"] = "RichTextBlock",
                ["spacing"] = "None",
                // Leading spaces are kept as no-break spaces: clients collapse ordinary ones.
                ["inlines"] = new JArray(new JObject { ["type"] = "TextRun", ["text"] = KeepIndent(line), ["fontType"] = "Monospace" }),
            })),
        };
        if (host != CardHost.Teams)
        {
            return plain;
        }

        return new JObject
        {
            ["type"] = "CodeBlock",
            ["codeSnippet"] = code.Code,
            ["language"] = Language(code.Language),
            ["fallback"] = plain,
        };
    }

    private static string KeepIndent(string line)
    {
        var indent = line.Length - line.TrimStart(' ').Length;
        return line.Length == 0 ? "\u00A0" : new string('\u00A0', indent) + line[indent..];
    }

    /// <summary>The languages Teams' CodeBlock names that our runbooks use; anything else is plain text.</summary>
    private static string Language(string? language) => language?.ToLowerInvariant() switch
    {
        "powershell" or "ps1" or "pwsh" or "ps" => "PowerShell",
        "bash" or "sh" or "shell" => "Bash",
        "json" => "JSON",
        "xml" => "XML",
        "sql" => "SQL",
        _ => "PlainText",
    };

    /// <summary>Items as rows of a marker column and a text column, so a wrapped item hangs under its own text.</summary>
    private static (IReadOnlyList<JObject>, int) List(ListBlock list, int budget)
    {
        var container = new JObject { ["type"] = "Container", ["items"] = new JArray() };
        var items = (JArray)container["items"]!;
        var used = AdaptiveCardRenderer.Size(container);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var row = new JObject
            {
                ["type"] = "ColumnSet",
                ["spacing"] = "Small",
                ["columns"] = new JArray(
                    new JObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JArray(Plain(list.Ordered ? $"{i + 1}." : "•")) },
                    new JObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = new JArray(Text(list.Items[i])) }),
            };
            var size = AdaptiveCardRenderer.Size(row) + 1;
            if (used + size > budget)
            {
                return (items.Count == 0 ? [] : [container], list.Items.Count - i);
            }

            items.Add(row);
            used += size;
        }

        return ([container], 0);
    }

    private static (IReadOnlyList<JObject>, int) Table(TableBlock table, int budget)
    {
        var rows = new JArray(Row(table.Columns.Select(c => new TableCell(c)).ToList(), header: true));
        var element = new JObject
        {
            ["type"] = "Table",
            ["firstRowAsHeader"] = true,
            ["gridStyle"] = "accent",
            ["columns"] = new JArray(Widths(table).Select(w => new JObject { ["width"] = w })),
            ["rows"] = rows,
        };
        var used = AdaptiveCardRenderer.Size(element);
        if (used > budget)
        {
            return ([], table.Rows.Count);
        }

        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = Row(table.Rows[i], header: false);
            var size = AdaptiveCardRenderer.Size(row) + 1;
            if (used + size > budget)
            {
                return ([element], table.Rows.Count - i);
            }

            rows.Add(row);
            used += size;
        }

        return ([element], 0);
    }

    /// <summary>
    /// Relative column widths that follow the content: each column weighs as much as its longest
    /// cell (up to 30 characters), and never less than the longest word of its header or cells, so
    /// short columns are not split mid-word while long text gets the room.
    /// </summary>
    public static IReadOnlyList<int> Widths(TableBlock table) =>
        table.Columns.Select((header, i) =>
        {
            var texts = table.Rows.Select(r => i < r.Count ? r[i].Text : string.Empty).Append(header).ToList();
            // A header is bold, so its words are a little wider.
            var longestWord = texts.SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(w => w.Length)
                .Append(header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length + 2).DefaultIfEmpty(1).Max()).Max();
            var longestCell = texts.Select(t => t.Length).Max();
            return Math.Max(Math.Min(longestCell, 30), Math.Min(longestWord, 30));
        }).ToList();

    private static JObject Row(IReadOnlyList<TableCell> cells, bool header) => new()
    {
        ["type"] = "TableRow",
        ["cells"] = new JArray(cells.Select(c => Cell(c, bold: header))),
    };

    private static JObject Cell(TableCell cell, bool bold = false, bool subtle = false) => new()
    {
        ["type"] = "TableCell",
        ["items"] = new JArray(Text(Marked(cell.Text, cell.Status), Color(cell.Status), subtle, bold: bold)),
    };

    private static string Cut(string text, int budget)
    {
        var keep = Math.Max(0, (budget - 300) / 2);
        return text[..Math.Min(text.Length, keep)] + "\n… (cut to fit a Teams message)";
    }

    private static string? Color(TextStyle style) => style switch
    {
        TextStyle.Good => "good",
        TextStyle.Warning => "warning",
        TextStyle.Attention => "attention",
        _ => null,
    };

    private static string? Color(CellStatus status) => status switch
    {
        CellStatus.Ok => "good",
        CellStatus.Warning => "warning",
        CellStatus.Attention => "attention",
        _ => null,
    };

    /// <summary>The same mark for the same status in every fact and cell, so colour is never the only sign.</summary>
    private static string Marked(string value, CellStatus status) => status switch
    {
        CellStatus.Warning => $"⚠ {value}",
        CellStatus.Attention => $"✖ {value}",
        _ => value,
    };
}
