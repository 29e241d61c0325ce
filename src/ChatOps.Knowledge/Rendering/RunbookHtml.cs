using ChatOps.Knowledge.Loading;
using Markdig.Renderers;

namespace ChatOps.Knowledge.Rendering;

/// <summary>An article's body as HTML, through Markdig's HTML renderer; raw HTML in articles is shown as text.</summary>
public static class RunbookHtml
{
    /// <summary>
    /// The body without the front matter. Links to other articles (<c>other-id.md</c>) become
    /// links to their pages through <paramref name="articleUrl"/> (id to address).
    /// </summary>
    public static string Body(Runbook runbook, Func<string, string> articleUrl)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        ArgumentNullException.ThrowIfNull(articleUrl);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { LinkRewriter = url => ArticleLinks.TargetId(url) is { } id ? articleUrl(id) : url };
        RunbookMarkdown.Pipeline.Setup(renderer);
        renderer.Render(runbook.Document);
        writer.Flush();
        return writer.ToString();
    }
}
