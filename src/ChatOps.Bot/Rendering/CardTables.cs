using ChatOps.Commands.Replies;
using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Rendering;

/// <summary>
/// Blocks laid out in rows: facts, tables and lists. A table or list keeps the rows that fit
/// its byte budget and says how many it left out.
/// </summary>
internal static class CardTables
{
    /// <summary>Roughly how wide a character of the default font is, for column widths in pixels.</summary>
    private const int PixelsPerCharacter = 8;

    /// <summary>
    /// Facts as a two-column table without a header. The label column is as wide as the longest
    /// label (in pixels), so a label never breaks mid-word; the value takes the rest.
    /// </summary>
    public static JObject Facts(FactsBlock facts)
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

    /// <summary>Items as rows of a marker column and a text column, so a wrapped item hangs under its own text.</summary>
    public static (IReadOnlyList<JObject> Elements, int RowsLeftOut) List(ListBlock list, int budget)
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
                    new JObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JArray(CardText.Plain(list.Ordered ? $"{i + 1}." : "•")) },
                    new JObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = new JArray(CardText.Text(list.Items[i])) }),
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

    /// <summary>A table with a header row and content-sized columns.</summary>
    public static (IReadOnlyList<JObject> Elements, int RowsLeftOut) Table(TableBlock table, int budget)
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
        ["items"] = new JArray(CardText.WithStatus(cell.Text, cell.Status, subtle, bold)),
    };
}
