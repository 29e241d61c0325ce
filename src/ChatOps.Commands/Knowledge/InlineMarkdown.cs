using System.Text;
using ChatOps.Commands.Replies;
using ChatOps.Knowledge.Rendering;
using Markdig.Syntax.Inlines;

namespace ChatOps.Commands.Knowledge;

/// <summary>
/// Inline Markdown to reply text: literals, <c>`code`</c> and <c>**bold**</c> kept as written
/// (both renderers understand them); a link keeps its text and is collected, so the caller can
/// show it as a real link (articles through <see cref="Links"/>).
/// </summary>
internal sealed class InlineMarkdown(Links links)
{
    public string Text(ContainerInline? container, List<ReplyLink> found)
    {
        var builder = new StringBuilder();
        if (container is not null)
        {
            Append(builder, container, found);
        }

        return builder.ToString().Trim();
    }

    private void Append(StringBuilder builder, Inline inline, List<ReplyLink> found)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append('`').Append(code.Content).Append('`');
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                AddLink(autolink.Url, autolink.Url, found);
                break;
            case LinkInline { IsImage: false } link:
                var text = new StringBuilder();
                AppendChildren(text, link, found);
                builder.Append(text);
                AddLink(text.ToString().Trim(), link.Url, found);
                break;
            case EmphasisInline { DelimiterCount: >= 2 } strong:
                builder.Append("**");
                AppendChildren(builder, strong, found);
                builder.Append("**");
                break;
            case ContainerInline children:
                AppendChildren(builder, children, found);
                break;
        }
    }

    private void AppendChildren(StringBuilder builder, ContainerInline container, List<ReplyLink> found)
    {
        foreach (var child in container)
        {
            Append(builder, child, found);
        }
    }

    private void AddLink(string text, string? url, List<ReplyLink> found)
    {
        if (ArticleLinks.TargetId(url) is { } id)
        {
            found.Add(links.Runbook(id, text));
        }
        else if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            found.Add(new ReplyLink(text, absolute.ToString()));
        }
    }
}
