using ChatOps.Knowledge.Loading;
using Markdig.Renderers;

namespace ChatOps.Knowledge.Rendering;

/// <summary>An article's body as HTML, through Markdig's HTML renderer; raw HTML in articles is shown as text.</summary>
public static class RunbookHtml
{
    /// <summary>
    /// The body without the front matter. Links to other articles (<c>other-id.md</c>) become
    /// relative links to their pages (<c>other-id</c>), which resolve beside <c>/kb/{id}</c>.
    /// </summary>
    public static string Body(Runbook runbook)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { LinkRewriter = ArticleLinks.ToPage };
        RunbookMarkdown.Pipeline.Setup(renderer);
        renderer.Render(runbook.Document);
        writer.Flush();
        return writer.ToString();
    }
}
