using System.Text;
using ChatOps.Bot.Pages;
using ChatOps.Commands.Replies;
using ChatOps.Knowledge;
using ChatOps.Knowledge.Rendering;

namespace ChatOps.Bot.Knowledge;

/// <summary>A runbook as a self-contained HTML page: Markdig's HTML in the service's page frame (inline stylesheet, no external assets).</summary>
internal static class ArticlePage
{
    /// <summary>Allows the inline stylesheet and nothing else: no script, no remote content.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public static string Article(Runbook runbook, Links links)
    {
        var facts = new List<string> { runbook.Id, "severity: " + runbook.Severity };
        if (runbook.AppliesTo.Count > 0)
        {
            facts.Add(string.Join(", ", runbook.AppliesTo));
        }

        var meta = $"<p class=\"muted\">{Encode(string.Join(" · ", facts))}</p>\n";
        return Page(runbook.Title, meta + RunbookHtml.Body(runbook, id => links.Runbook(id).Url));
    }

    public static string NotFound(string id, IReadOnlyList<Runbook> suggestions, Links links)
    {
        var body = new StringBuilder()
            .Append("<h1>No runbook ").Append(Encode(id)).Append("</h1>\n");
        if (suggestions.Count > 0)
        {
            body.Append("<p>Did you mean:</p>\n<ul>\n");
            foreach (var runbook in suggestions)
            {
                var link = links.Runbook(runbook.Id, runbook.Title);
                body.Append("<li><a href=\"").Append(Encode(link.Url)).Append("\">").Append(Encode(link.Title)).Append("</a></li>\n");
            }

            body.Append("</ul>\n");
        }
        else
        {
            body.Append("<p>Ask the bot <code>kb list</code> for every runbook.</p>\n");
        }

        return Page("Runbook not found", body.ToString());
    }

    private static string Page(string title, string body) => HtmlPage.Render(title, body);

    private static string Encode(string text) => HtmlPage.Encode(text);
}
