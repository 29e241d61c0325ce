using ChatOps.Commands.Replies;
using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Rendering;

/// <summary>
/// Blocks laid out in rows: facts, tables and lists. A table or list keeps the rows that fit
/// its byte budget and says how many it left out.
/// </summary>
internal static class CardTables
{
    /// <summary>
    /// Facts as a two-column table without a header: the label column as wide as its longest label
    /// word, the value the rest. Where a value's longest word would not fit beside the labels on the
    /// narrowest card (an id, a GUID), each fact is a line of its own instead: its label, then its value.
    /// </summary>
    public static JObject Facts(FactsBlock facts)
    {
        var label = Math.Min(facts.Facts.Select(f => CardWidths.LongestWord(f.Name, bold: true)).DefaultIfEmpty(40).Max(), 120) + CardWidths.CellPadding;
        var value = facts.Facts.Select(f => CardWidths.LongestWord(StatusLook.Of(f.Status).Marked(f.Value))).DefaultIfEmpty(0).Max() + CardWidths.CellPadding;
        if (label + value > CardWidths.NarrowContent)
        {
            return new JObject
            {
                ["type"] = "Container",
                ["items"] = new JArray(facts.Facts.Select(f => Line(f.Name, [new TableCell(f.Value, f.Status)]))),
            };
        }

        return new JObject
        {
            ["type"] = "Table",
            ["showGridLines"] = false,
            ["firstRowAsHeader"] = false,
            ["columns"] = new JArray(
                new JObject { ["width"] = $"{label}px" },
                new JObject { ["width"] = 1 }),
            ["rows"] = new JArray(facts.Facts.Select(f => new JObject
            {
                ["type"] = "TableRow",
                ["cells"] = Row([Content(new TableCell(f.Name), bold: true, subtle: true), Content(new TableCell(f.Value, f.Status))])["cells"],
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

    /// <summary>
    /// A table that holds on the narrowest card: with all its columns when their longest words fit side
    /// by side there, each column weighted so it never gets less than its longest word; otherwise folded
    /// to two columns, the first as it is and the others, in order, as one line of values under one
    /// header ("Cluster · Hyper-V · Owner"), each value in its own status's look.
    /// </summary>
    public static (IReadOnlyList<JObject> Elements, int RowsLeftOut) Table(TableBlock table, int budget)
    {
        var least = Least(table);
        if (least.Sum() <= CardWidths.NarrowContent || table.Columns.Count < FoldedTable.FewestColumns)
        {
            return Grid(table.Columns, table.Rows, r => [.. r.Select(c => Content(c))], Weights(least, Wanted(table)), budget);
        }

        var rest = FoldedTable.Header(table.Columns);
        var first = Math.Min(least[0], CardWidths.NarrowContent / 2);
        return Grid(
            [table.Columns.Count > 0 ? table.Columns[0] : string.Empty, rest],
            table.Rows,
            r => [Content(r.Count > 0 ? r[0] : new TableCell(string.Empty)), Line(null, [.. r.Skip(1).Select(c => c.Text.Length == 0 ? c with { Text = "-" } : c)])],
            [first, CardWidths.NarrowContent - first],
            budget);
    }

    /// <summary>A header row and the rows that fit the budget (each built only when it is reached), in columns of the given relative widths.</summary>
    private static (IReadOnlyList<JObject> Elements, int RowsLeftOut) Grid(
        IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<TableCell>> body, Func<IReadOnlyList<TableCell>, IReadOnlyList<JObject>> cells, IReadOnlyList<int> weights, int budget)
    {
        var rows = new JArray(Row([.. columns.Select(c => Content(new TableCell(c), bold: true))]));
        var element = new JObject
        {
            ["type"] = "Table",
            ["firstRowAsHeader"] = true,
            ["gridStyle"] = "accent",
            ["columns"] = new JArray(weights.Select(w => new JObject { ["width"] = w })),
            ["rows"] = rows,
        };
        var used = AdaptiveCardRenderer.Size(element);
        if (used > budget)
        {
            return ([], body.Count);
        }

        for (var i = 0; i < body.Count; i++)
        {
            var row = Row(cells(body[i]));
            var size = AdaptiveCardRenderer.Size(row) + 1;
            if (used + size > budget)
            {
                return ([element], body.Count - i);
            }

            rows.Add(row);
            used += size;
        }

        return ([element], 0);
    }

    /// <summary>Each column's least width: its longest word (the header's in bold), marks included, and the cell's padding.</summary>
    private static int[] Least(TableBlock table) =>
        [.. table.Columns.Select((header, i) => table.Rows
            .Select(r => i < r.Count ? CardWidths.LongestWord(StatusLook.Of(r[i].Status).Marked(r[i].Text)) : 0)
            .Append(CardWidths.LongestWord(header, bold: true))
            .Max() + CardWidths.CellPadding)];

    /// <summary>Each column's comfortable width: its longest cell on one line, up to 30 characters' worth.</summary>
    private static int[] Wanted(TableBlock table) =>
        [.. table.Columns.Select((header, i) => table.Rows
            .Select(r => i < r.Count ? CardWidths.Pixels(r[i].Text) : 0)
            .Append(CardWidths.Pixels(header, bold: true))
            .Select(p => Math.Min(p, 240))
            .Max() + CardWidths.CellPadding)];

    /// <summary>
    /// Relative widths that give long text more room while every column keeps at least its least width on
    /// the narrowest card: each weighs its least width plus a share of what it would like beyond it, the
    /// share as large as the narrowest card allows.
    /// </summary>
    internal static IReadOnlyList<int> Weights(IReadOnlyList<int> least, IReadOnlyList<int> wanted)
    {
        double total = least.Sum(), extra = wanted.Zip(least, (w, l) => Math.Max(0, w - l)).Sum(), spare = CardWidths.NarrowContent - total;
        var share = extra == 0 ? 0 : Math.Min(1, least.Select((l, i) => (l, e: Math.Max(0, wanted[i] - l)))
            .Where(c => c.e * CardWidths.NarrowContent < c.l * extra)
            .Select(c => c.l * spare / ((c.l * extra) - (c.e * CardWidths.NarrowContent)))
            .DefaultIfEmpty(1)
            .Min());
        return [.. least.Select((l, i) => (int)Math.Round(l + (share * Math.Max(0, wanted[i] - l))))];
    }

    private static JObject Row(IReadOnlyList<JObject> cells) => new()
    {
        ["type"] = "TableRow",
        ["cells"] = new JArray(cells.Select(c => new JObject { ["type"] = "TableCell", ["items"] = new JArray(c) })),
    };

    private static JObject Content(TableCell cell, bool bold = false, bool subtle = false) => CardText.WithStatus(cell.Text, cell.Status, subtle, bold);

    /// <summary>One paragraph of runs: a label if any ("Config volume: "), then values each in its own look, " · " between them.</summary>
    private static JObject Line(string? label, IReadOnlyList<TableCell> values)
    {
        var runs = new JArray();
        if (label is not null)
        {
            Add(runs, label, CellStatus.None, bold: true, subtle: true);
            Add(runs, ": ", CellStatus.None, bold: true, subtle: true);
        }

        for (var i = 0; i < values.Count; i++)
        {
            Add(runs, values[i].Text, values[i].Status, bold: false, subtle: false);
            if (i < values.Count - 1)
            {
                Add(runs, FoldedTable.Separator, CellStatus.None, bold: false, subtle: false);
            }
        }

        return new JObject { ["type"] = "RichTextBlock", ["inlines"] = runs };
    }

    /// <summary>Every run of a value (its `code` and **bold** parts included), in its status's look.</summary>
    private static void Add(JArray runs, string text, CellStatus status, bool bold, bool subtle)
    {
        foreach (var run in CardText.WithStatus(text, status, subtle, bold)["inlines"]!)
        {
            runs.Add(run.DeepClone());
        }
    }

}
