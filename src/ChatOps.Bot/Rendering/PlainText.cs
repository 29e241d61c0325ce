using System.Text;
using ChatOps.Commands.Replies;

namespace ChatOps.Bot.Rendering;

/// <summary>A reply as plain text: card fallbacks, notification previews and logs.</summary>
internal static class PlainText
{
    public static string Of(Reply reply)
    {
        var text = new StringBuilder();
        if (reply.Heading is not null)
        {
            text.AppendLine(reply.Heading);
        }

        if (reply.Progress is not null)
        {
            text.AppendLine(reply.Progress);
        }

        foreach (var block in reply.Blocks)
        {
            Append(text, block);
        }

        foreach (var block in reply.Details)
        {
            Append(text, block);
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>One line for notifications: the heading or the first paragraph.</summary>
    public static string Summary(Reply reply)
    {
        var first = reply.Heading ?? reply.Progress ?? reply.Blocks.OfType<TextBlock>().FirstOrDefault()?.Text ?? "ChatOps";
        return first.Length <= 120 ? first : first[..119] + "…";
    }

    private static void Append(StringBuilder text, ReplyBlock block)
    {
        switch (block)
        {
            case TextBlock t:
                text.AppendLine(t.Text);
                break;
            case HeadingBlock h:
                text.AppendLine(h.Text);
                break;
            case FactsBlock f:
                foreach (var fact in f.Facts)
                {
                    text.Append(fact.Name).Append(": ").AppendLine(fact.Value);
                }

                break;
            case ListBlock l:
                for (var i = 0; i < l.Items.Count; i++)
                {
                    text.Append(l.Ordered ? $"{i + 1}. " : "- ").AppendLine(l.Items[i]);
                }

                break;
            case CodeBlock c:
                text.AppendLine(c.Code);
                break;
            case TableBlock table:
                text.AppendLine(string.Join(" | ", table.Columns));
                foreach (var row in table.Rows)
                {
                    text.AppendLine(string.Join(" | ", row.Select(c => c.Text)));
                }

                break;
            case LinksBlock links:
                foreach (var link in links.Links)
                {
                    text.Append(link.Title).Append(": ").AppendLine(link.Url);
                }

                break;
        }
    }
}
