using System.Text;
using System.Text.RegularExpressions;
using ChatOps.Bot.Pages;
using ChatOps.Commands.Replies;
using ChatOps.Knowledge;

namespace ChatOps.Bot.Knowledge;

/// <summary>
/// The web knowledge base: <c>GET /</c> (what the service is, a search box), <c>GET /kb</c> (every
/// runbook by severity, filterable by tag) and <c>GET /kb?q=</c> (the same engine as <c>kb search</c>,
/// highlighted snippets). Server-rendered, no script, no external assets; answers carry an ETag of
/// the loaded index, so an unchanged page is a 304.
/// </summary>
internal static partial class KnowledgeBasePages
{
    /// <summary>Longest query searched from the web; longer text is cut.</summary>
    public const int MaxQueryLength = 200;

    private static readonly string[] Severities = ["critical", "high", "medium", "low"];

    /// <summary>What the home page says about the cluster status page.</summary>
    public enum StatusLink
    {
        /// <summary>Sign-in is not configured, so there is no status page.</summary>
        None,

        /// <summary>The reader has not signed in yet.</summary>
        SignIn,

        /// <summary>A signed-in reader.</summary>
        Open,
    }

    public static string Home(KnowledgeStatus status, Links links, StatusLink statusLink)
    {
        var cluster = statusLink switch
        {
            StatusLink.Open => $"<p><a href=\"{HtmlPage.Encode(links.Page("status"))}\">Cluster status</a>: nodes, quorum and VMs, live</p>",
            StatusLink.SignIn => $"<p><a href=\"{HtmlPage.Encode(links.Page("status"))}\">Sign in to see the cluster status</a></p>",
            _ => string.Empty,
        };
        return HtmlPage.Render("ChatOps", $"""
            <h1>ChatOps</h1>
            <p>The Teams bot and runbook knowledge base for the Hyper-V failover clusters: ask it in Teams
            (<code>vm web01</code>, <code>diagnose</code>, <code>kb search 169.254</code>), or search the runbooks here.</p>
            {SearchForm(links, null)}
            <p><a href="{HtmlPage.Encode(links.Page("kb"))}">All {status.Loaded} runbooks</a></p>
            {cluster}
            """);
    }

    public static string Index(IReadOnlyList<Runbook> runbooks, string? tag, Links links)
    {
        var body = new StringBuilder("<h1>Runbooks</h1>\n").Append(SearchForm(links, null));
        if (tag is not null)
        {
            body.Append($"<p class=\"muted\">Only those for <code>{HtmlPage.Encode(tag)}</code> · <a href=\"{HtmlPage.Encode(links.Page("kb"))}\">show all</a></p>\n");
        }

        foreach (var severity in Severities.Concat(runbooks.Select(r => r.Severity).Distinct(StringComparer.OrdinalIgnoreCase).Except(Severities, StringComparer.OrdinalIgnoreCase)))
        {
            var group = runbooks.Where(r => r.Severity.Equals(severity, StringComparison.OrdinalIgnoreCase)).OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            body.Append($"<h2>{HtmlPage.Encode(char.ToUpperInvariant(severity[0]) + severity[1..])} ({group.Count})</h2>\n<ul>\n");
            foreach (var runbook in group)
            {
                body.Append($"<li>{Link(runbook, links)}: {HtmlPage.Encode(runbook.Summary)}");
                if (runbook.AppliesTo.Count > 0)
                {
                    body.Append(" <span class=\"muted\">");
                    body.AppendJoin(" ", runbook.AppliesTo.Select(a => $"<a href=\"{HtmlPage.Encode(links.Page("kb?tag=" + Uri.EscapeDataString(a)))}\">{HtmlPage.Encode(a)}</a>"));
                    body.Append("</span>");
                }

                body.Append("</li>\n");
            }

            body.Append("</ul>\n");
        }

        return HtmlPage.Render("Runbooks", body.ToString());
    }

    public static string Results(string query, SearchResult result, Links links, string heading = "Search")
    {
        var body = new StringBuilder(BackToAll(links)).Append($"<h1>{HtmlPage.Encode(heading)}</h1>\n").Append(SearchForm(links, query));
        if (result.Hits.Count == 0)
        {
            body.Append($"<p>No runbook matches <code>{HtmlPage.Encode(query)}</code>. Try other words, an event id or a KB number, or <a href=\"{HtmlPage.Encode(links.Page("kb"))}\">browse them all</a>.</p>\n");
            return HtmlPage.Render($"Search: {query}", body.ToString());
        }

        if (result.Fuzzy)
        {
            body.Append("<p class=\"muted\">Nothing matched exactly; these are close spellings.</p>\n");
        }

        body.Append("<ol class=\"results\">\n");
        foreach (var hit in result.Hits)
        {
            body.Append($"<li>{Link(hit.Runbook, links)} <span class=\"muted\">{HtmlPage.Encode(hit.Runbook.Severity)}</span><br>{Highlight(hit.Snippet)}</li>\n");
        }

        body.Append("</ol>\n");
        return HtmlPage.Render($"Search: {query}", body.ToString());
    }

    /// <summary>A snippet's <c>**matches**</c> as <c>&lt;mark&gt;</c>, everything else encoded.</summary>
    private static string Highlight(string snippet) =>
        Bold().Replace(HtmlPage.Encode(snippet), m => $"<mark>{m.Groups[1].Value}</mark>");

    private static string Link(Runbook runbook, Links links) =>
        $"<a href=\"{HtmlPage.Encode(links.Runbook(runbook.Id).Url)}\">{HtmlPage.Encode(runbook.Title)}</a>";

    /// <summary>The runbook search box every knowledge-base page carries; focused where searching is what the page is for.</summary>
    internal static string SearchForm(Links links, string? query, bool focus = true) =>
        $"<form method=\"get\" action=\"{HtmlPage.Encode(links.Page("kb"))}\" role=\"search\"><input type=\"search\" name=\"q\" value=\"{HtmlPage.Encode(query)}\" maxlength=\"{MaxQueryLength}\" placeholder=\"Symptom, error text, event id, KB number — English or 中文\" aria-label=\"Search the runbooks\"{(focus ? " autofocus" : string.Empty)}> <button type=\"submit\">Search</button></form>\n";

    /// <summary>The way back to every runbook, above an article or a page that found nothing.</summary>
    internal static string BackToAll(Links links) =>
        $"<p><a href=\"{HtmlPage.Encode(links.Page("kb"))}\">← All runbooks</a></p>\n";

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
