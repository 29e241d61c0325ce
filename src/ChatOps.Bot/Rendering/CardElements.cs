using ChatOps.Commands.Replies;
using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Rendering;

/// <summary>Adaptive Card elements for each reply block.</summary>
internal static class CardElements
{
    /// <summary>Elements for a block within a byte budget; a table keeps the rows that fit.</summary>
    public static (IReadOnlyList<JObject> Elements, int RowsLeftOut) For(ReplyBlock block, int budget)
    {
        if (block is TableBlock table)
        {
            return Table(table, budget);
        }

        var element = Single(block);
        if (AdaptiveCardRenderer.Size(element) <= budget)
        {
            return ([element], 0);
        }

        return block is TextBlock or CodeBlock && budget > 400 ? ([Shorten(element, budget)], 0) : ([], 0);
    }

    public static JObject Text(string text, string? size = null, string? weight = null, bool subtle = false, string? color = null, bool monospace = false)
    {
        var element = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            element["size"] = size;
        }

        if (weight is not null)
        {
            element["weight"] = weight;
        }

        if (subtle)
        {
            element["isSubtle"] = true;
        }

        if (color is not null)
        {
            element["color"] = color;
        }

        if (monospace)
        {
            element["fontType"] = "Monospace";
        }

        return element;
    }

    public static JObject Execute(string title, string verb, ConfirmationRequest confirmation, string style) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["style"] = style,
        ["data"] = new JObject { ["verb"] = verb, ["pendingId"] = confirmation.PendingId, ["nonce"] = confirmation.Nonce },
    };

    public static JObject ImBack(string title, string command) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JObject { ["msteams"] = new JObject { ["type"] = "imBack", ["value"] = command } },
    };

    private static JObject Single(ReplyBlock block) => block switch
    {
        TextBlock t => Text(t.Text, color: Color(t.Style), subtle: t.Style == TextStyle.Subtle),
        HeadingBlock h => Text(h.Text, size: h.Level <= 2 ? "Medium" : "Default", weight: "Bolder"),
        FactsBlock f => new JObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JArray(f.Facts.Select(x => new JObject { ["title"] = x.Name, ["value"] = Marked(x.Value, x.Status) })),
        },
        ListBlock l => Text(string.Join("\n", l.Items.Select((item, i) => l.Ordered ? $"{i + 1}. {item}" : $"- {item}"))),
        CodeBlock c => new JObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["items"] = new JArray(Text(c.Code, monospace: true)),
        },
        LinksBlock links => Text(string.Join("\n", links.Links.Select(x => $"- [{Escape(x.Title)}]({x.Url})"))),
        _ => Text(block.ToString() ?? string.Empty),
    };

    private static (IReadOnlyList<JObject>, int) Table(TableBlock table, int budget)
    {
        var rows = new JArray(Row(table.Columns.Select(c => new TableCell(c)).ToList(), header: true));
        var element = new JObject
        {
            ["type"] = "Table",
            ["firstRowAsHeader"] = true,
            ["gridStyle"] = "accent",
            ["columns"] = new JArray(table.Columns.Select(_ => new JObject { ["width"] = 1 })),
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

    private static JObject Row(IReadOnlyList<TableCell> cells, bool header) => new()
    {
        ["type"] = "TableRow",
        ["cells"] = new JArray(cells.Select(c => new JObject
        {
            ["type"] = "TableCell",
            ["items"] = new JArray(Text(c.Text, weight: header ? "Bolder" : null, color: Color(c.Status))),
        })),
    };

    private static JObject Shorten(JObject element, int budget)
    {
        var target = element["type"]?.ToString() == "Container" ? (JObject)element["items"]![0]! : element;
        var text = target["text"]!.ToString();
        var keep = Math.Max(0, (budget - 300) / 2);
        target["text"] = text[..Math.Min(text.Length, keep)] + "\n… (cut to fit a Teams message)";
        return element;
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

    private static string Marked(string value, CellStatus status) => status switch
    {
        CellStatus.Warning => $"⚠ {value}",
        CellStatus.Attention => $"✖ {value}",
        _ => value,
    };

    private static string Escape(string text) => text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
