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
        Walk(document, builder);
        return builder.ToString();
    }

    private static void Walk(ContainerBlock container, StringBuilder builder)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case Table table:
                    // A row a line, every cell in its place (an empty one too), so a row reads as written.
                    foreach (var row in table.OfType<TableRow>())
                    {
                        builder.AppendJoin(CellSeparator, row.OfType<TableCell>().Select(cell => string.Join(' ', cell.Descendants<LeafBlock>().Select(Text)))).Append('\n');
                    }

                    break;
                case YamlFrontMatterBlock or HeadingBlock { Level: 1 }:
                    break;
                case LeafBlock leaf when Text(leaf) is { Length: > 0 } text:
                    builder.Append(text).Append('\n');
                    break;
                case ContainerBlock inner:
                    Walk(inner, builder);
                    break;
            }
        }
    }

    private static string Text(LeafBlock leaf) => (leaf.Inline is not null ? InlineText.Plain(leaf.Inline) : leaf.Lines.ToString()).Trim();
}
