using System.Net;
using System.Text;
using ChatOps.Commands.Replies;
using ChatOps.Knowledge;
using ChatOps.Knowledge.Rendering;

namespace ChatOps.Bot.Knowledge;

/// <summary>A runbook as a self-contained HTML page: Markdig's HTML, a small inline stylesheet, no external assets.</summary>
internal static class ArticlePage
{
    /// <summary>Allows the inline stylesheet and nothing else: no script, no remote content.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private const string Style = """
        body{font:16px/1.55 "Segoe UI",system-ui,sans-serif;color:#1b1b1b;background:#fafafa;margin:0}
        main{max-width:52rem;margin:0 auto;padding:1.5rem 1.25rem 3rem;background:#fff}
        h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{font-size:1.25rem;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
        code{font:.9em Consolas,"Cascadia Mono",monospace;background:#f0f0f0;padding:.05rem .25rem;border-radius:3px}
        pre{background:#1e1e1e;color:#eee;padding:.8rem 1rem;overflow-x:auto;border-radius:4px}pre code{background:none;color:inherit;padding:0}
        table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.35rem .6rem;text-align:left;vertical-align:top}th{background:#f3f3f3}
        .meta{color:#555;font-size:.9rem}.meta span{margin-right:1rem}a{color:#0f6cbd}strong{color:#8a1c1c}
        """;

    public static string Article(Runbook runbook, Links links)
    {
        var meta = new StringBuilder()
            .Append("<p class=\"meta\"><span>").Append(Encode(runbook.Id)).Append("</span>")
            .Append("<span>severity: ").Append(Encode(runbook.Severity)).Append("</span>");
        if (runbook.AppliesTo.Count > 0)
        {
            meta.Append("<span>").Append(Encode(string.Join(", ", runbook.AppliesTo))).Append("</span>");
        }

        meta.Append("</p>\n");
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

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)} · ChatOps runbooks</title>
        <style>{Style}</style>
        </head>
        <body>
        <main>
        {body}
        </main>
        </body>
        </html>
        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
