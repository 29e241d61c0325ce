using System.Text;
using ChatOps.Bot.Rendering;
using ChatOps.Commands.Replies;

namespace ChatOps.Bot.Pages;

/// <summary>A command's reply as HTML for the web pages: the same blocks as the card and the terminal, every value encoded.</summary>
internal static class ReplyHtml
{
    public static string Render(Reply reply)
    {
        var html = new StringBuilder();
        if (reply.Heading is not null)
        {
            html.Append($"<h1>{HtmlPage.Encode(reply.Heading)}</h1>\n");
        }

        foreach (var block in reply.Blocks)
        {
            html.Append(Block(block)).Append('\n');
        }

        if (reply.Details.Count > 0)
        {
            html.Append($"<details><summary>{HtmlPage.Encode(reply.DetailsTitle)}</summary>\n");
            foreach (var block in reply.Details)
            {
                html.Append(Block(block)).Append('\n');
            }

            html.Append("</details>\n");
        }

        return html.ToString();
    }

    private static string Block(ReplyBlock block) => block switch
    {
        TextBlock t => $"<p{TextClass(t.Style)}>{Inline(t.Text)}</p>",
        HeadingBlock h => $"<h{Math.Clamp(h.Level, 2, 4)}>{HtmlPage.Encode(h.Text)}</h{Math.Clamp(h.Level, 2, 4)}>",
        FactsBlock f => "<table class=\"facts\">" + string.Concat(f.Facts.Select(fact => $"<tr><th scope=\"row\">{HtmlPage.Encode(fact.Name)}</th><td{StatusClass(fact.Status)}>{Marked(Inline(fact.Value), fact.Status)}</td></tr>")) + "</table>",
        ListBlock l => $"<{(l.Ordered ? "ol" : "ul")}>" + string.Concat(l.Items.Select(i => $"<li>{Inline(i)}</li>")) + $"</{(l.Ordered ? "ol" : "ul")}>",
        CodeBlock c => $"<pre><code>{HtmlPage.Encode(c.Code)}</code></pre>",
        TableBlock t => "<div class=\"wide\"><table><thead><tr>" + string.Concat(t.Columns.Select(c => $"<th>{HtmlPage.Encode(c)}</th>")) + "</tr></thead><tbody>"
            + string.Concat(t.Rows.Select(row => "<tr>" + string.Concat(row.Select(cell => $"<td{StatusClass(cell.Status)}>{Marked(Inline(cell.Text), cell.Status)}</td>")) + "</tr>")) + "</tbody></table></div>",
        LinksBlock l => "<ul>" + string.Concat(l.Links.Select(link => $"<li>{Lead(link)}<a href=\"{HtmlPage.Encode(link.Url)}\">{HtmlPage.Encode(link.Title)}</a></li>")) + "</ul>",
        _ => string.Empty,
    };

    private static string Inline(string text) => ReplyInline.Format(text, HtmlPage.Encode, ("<code>", "</code>"), ("<strong>", "</strong>"));

    private static string Lead(ReplyLink link) =>
        link.Lead is { } lead ? $"<span{StatusClass(link.Status)}>{Marked(HtmlPage.Encode(lead), link.Status)}</span> — " : string.Empty;

    private static string TextClass(TextStyle style) => Class(StatusLook.Of(style).Colour, "attention");

    private static string StatusClass(CellStatus status) => Class(StatusLook.Of(status).Colour, "outlier");

    private static string Marked(string html, CellStatus status) => StatusLook.Of(status).Mark is { } mark ? $"{HtmlPage.Encode(mark)} {html}" : html;

    /// <summary>A status's class; a cell's attention is a red background (<c>outlier</c>), a paragraph's red text.</summary>
    private static string Class(StatusColour colour, string attention) => colour switch
    {
        StatusColour.Good => " class=\"ok\"",
        StatusColour.Warning => " class=\"warning\"",
        StatusColour.Attention => $" class=\"{attention}\"",
        StatusColour.Subtle => " class=\"muted\"",
        _ => string.Empty,
    };
}
