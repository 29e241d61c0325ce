using System.Text;
using ChatOps.Knowledge.Loading;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace ChatOps.Knowledge.Search;

/// <summary>The article body as plain text (no markup, no front matter), for indexing and snippets.</summary>
internal static class BodyText
{
    public static string Of(MarkdownDocument document)
    {
        var builder = new StringBuilder();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf is YamlFrontMatterBlock || (leaf is HeadingBlock { Level: 1 }))
            {
                continue;
            }

            var text = leaf.Inline is not null ? InlineText.Plain(leaf.Inline) : leaf.Lines.ToString();
            if (text.Length > 0)
            {
                builder.Append(text.Trim()).Append('\n');
            }
        }

        return builder.ToString();
    }
}
