using System.Text;
using ChatOps.Knowledge.Loading;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace ChatOps.Knowledge.Search;

/// <summary>
/// The article body as plain text (no markup, no front matter), for indexing and snippets: one line per
/// paragraph, heading, list item or code line, and one per table row with its cells joined by " — ", so
/// a snippet taken from one line reads as written, never as a table flattened into a run of words.
/// </summary>
internal static class BodyText
{
    public const string CellSeparator = " — ";

    public static string Of(MarkdownDocument document)
    {
        var builder = new StringBuilder();
        TableRow? row = null;
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf is YamlFrontMatterBlock || (leaf is HeadingBlock { Level: 1 }))
            {
                continue;
            }

            var text = (leaf.Inline is not null ? InlineText.Plain(leaf.Inline) : leaf.Lines.ToString()).Trim();
            var cellOf = leaf.Parent is TableCell { Parent: TableRow r } ? r : null;
            if (row is not null && cellOf == row)
            {
                builder.Append(CellSeparator).Append(text);
                continue;
            }

            if (row is not null)
            {
                builder.Append('\n');
            }

            row = cellOf;
            if (text.Length > 0 || row is not null)
            {
                builder.Append(text);
                if (row is null)
                {
                    builder.Append('\n');
                }
            }
        }

        if (row is not null)
        {
            builder.Append('\n');
        }

        return builder.ToString();
    }
}
