using System.Text;
using ChatOps.Bot.Pages;
using ChatOps.Commands.Replies;
using ChatOps.Knowledge;
using ChatOps.Knowledge.Rendering;

namespace ChatOps.Bot.Knowledge;

/// <summary>A runbook as a self-contained HTML page: Markdig's HTML in the service's page frame (inline stylesheet, no external assets).</summary>
internal static class ArticlePage
{
    /// <summary>The article, then what to do about it in chat (its checks and actions as commands) and its related runbooks.</summary>
    public static string Article(Runbook runbook, Links links, Func<string, string?> actionUsage, Func<string, Runbook?> related)
    {
        var facts = new List<string> { runbook.Id, "severity: " + runbook.Severity };
        if (runbook.AppliesTo.Count > 0)
        {
            facts.Add(string.Join(", ", runbook.AppliesTo));
        }

        var body = new StringBuilder(KnowledgeBasePages.BackToAll(links))
            .Append(KnowledgeBasePages.SearchForm(links, query: null, focus: false))
            .Append($"<p class=\"muted\">{Encode(string.Join(" · ", facts))}</p>\n")
            .Append(RunbookHtml.Body(runbook, id => links.Runbook(id).Url));
        var commands = runbook.Checks.Select(c => ("diagnose", $"finds {c}")).Concat(runbook.Actions.Select(a => actionUsage(a) is { } usage ? (usage, "safe action, after a preview and a confirmation") : default))
            .Where(c => c.Item1 is not null).DistinctBy(c => c.Item1).ToList();
        if (commands.Count > 0)
        {
            body.Append("<h2>In Teams</h2>\n<ul>\n");
            body.AppendJoin(string.Empty, commands.Select(c => $"<li><code>{Encode(c.Item1)}</code> <span class=\"muted\">{Encode(c.Item2)}</span></li>\n"));
            body.Append("</ul>\n");
        }

        var others = runbook.Related.Select(related).OfType<Runbook>().ToList();
        if (others.Count > 0)
        {
            body.Append("<h2>Related runbooks</h2>\n<ul class=\"related\">\n");
            body.AppendJoin(string.Empty, others.Select(r => $"<li><a href=\"{Encode(links.Runbook(r.Id).Url)}\">{Encode(r.Title)}</a></li>\n"));
            body.Append("</ul>\n");
        }

        body.Append(HtmlPage.CopyButtons).Append('\n');
        return Page(runbook.Title, body.ToString());
    }

    public static string NotFound(string id, IReadOnlyList<Runbook> suggestions, Links links)
    {
        var body = new StringBuilder(KnowledgeBasePages.BackToAll(links))
            .Append("<h1>No runbook ").Append(Encode(id)).Append("</h1>\n")
            .Append(KnowledgeBasePages.SearchForm(links, id.Replace('-', ' ')));
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
