using ChatOps.Commands.Replies;
using ChatOps.Knowledge;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Md = Markdig.Syntax;

namespace ChatOps.Commands.Knowledge;

/// <summary>
/// Walks an article's Markdig syntax tree and makes reply blocks of it: headings, paragraphs,
/// numbered and bulleted lists, code, tables and links. The level-1 title is left out (it is
/// the reply's heading).
/// </summary>
internal sealed class ArticleConverter(Links links)
{
    private readonly InlineMarkdown _inline = new(links);

    public IReadOnlyList<ArticleSection> Sections(Runbook runbook)
    {
        var sections = new List<ArticleSection>();
        var title = string.Empty;
        var blocks = new List<ReplyBlock>();
        foreach (var block in runbook.Document)
        {
            if (block is Md.HeadingBlock { Level: 2 } heading)
            {
                Flush();
                title = _inline.Text(heading.Inline, []);
                blocks.Add(new HeadingBlock(title, 2));
                continue;
            }

            Convert(block, blocks);
        }

        Flush();
        return sections;

        void Flush()
        {
            if (blocks.Count > 0)
            {
                sections.Add(new ArticleSection(title, blocks));
            }

            blocks = [];
        }
    }

    private void Convert(Md.Block block, List<ReplyBlock> into)
    {
        var found = new List<ReplyLink>();
        switch (block)
        {
            case YamlFrontMatterBlock or Md.LinkReferenceDefinitionGroup or Md.ThematicBreakBlock or Md.HeadingBlock { Level: 1 }:
                return;
            case Md.HeadingBlock heading:
                into.Add(new HeadingBlock(_inline.Text(heading.Inline, found), Math.Min(heading.Level, 4)));
                break;
            case Md.ParagraphBlock paragraph:
                into.Add(new TextBlock(_inline.Text(paragraph.Inline, found)));
                break;
            case Md.FencedCodeBlock fenced:
                into.Add(new CodeBlock(fenced.Lines.ToString().TrimEnd(), string.IsNullOrWhiteSpace(fenced.Info) ? null : fenced.Info));
                return;
            case Md.CodeBlock code:
                into.Add(new CodeBlock(code.Lines.ToString().TrimEnd()));
                return;
            case Md.ListBlock list:
                var items = Items(list, found);
                if (!list.IsOrdered)
                {
                    // An item that is nothing but a link (References) is shown once, as a link.
                    items.RemoveAll(i => found.Any(f => f.Title == i));
                }

                if (items.Count > 0)
                {
                    into.Add(new ListBlock(items, list.IsOrdered));
                }

                break;
            case Table table:
                into.Add(ToTable(table, found));
                break;
            case Md.QuoteBlock quote:
                foreach (var child in quote)
                {
                    Convert(child, into);
                }

                return;
        }

        if (found.Count > 0)
        {
            into.Add(new LinksBlock(found));
        }
    }

    /// <summary>One string per item; a nested list is folded into its item, indented.</summary>
    private List<string> Items(Md.ListBlock list, List<ReplyLink> found)
    {
        var items = new List<string>();
        foreach (var item in list.OfType<Md.ListItemBlock>())
        {
            var parts = new List<string>();
            foreach (var child in item)
            {
                switch (child)
                {
                    case Md.ParagraphBlock paragraph:
                        parts.Add(_inline.Text(paragraph.Inline, found));
                        break;
                    case Md.ListBlock nested:
                        parts.AddRange(Items(nested, found).Select(n => "  – " + n));
                        break;
                    case Md.LeafBlock leaf:
                        parts.Add(leaf.Lines.ToString().Trim());
                        break;
                }
            }

            items.Add(string.Join('\n', parts));
        }

        return items;
    }

    private TableBlock ToTable(Table table, List<ReplyLink> found)
    {
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader) ?? rows.First();
        var columns = Cells(header, found).ToList();
        var body = rows.Where(r => r != header)
            .Select(r => (IReadOnlyList<Replies.TableCell>)Cells(r, found).Select(c => new Replies.TableCell(c)).ToList())
            .ToList();
        return new TableBlock(columns, body);
    }

    private IEnumerable<string> Cells(TableRow row, List<ReplyLink> found) =>
        row.OfType<Markdig.Extensions.Tables.TableCell>()
            .Select(cell => string.Join(' ', cell.OfType<Md.LeafBlock>().Select(leaf => _inline.Text(leaf.Inline, found))))
            .ToList();
}
