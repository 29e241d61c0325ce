using ChatOps.Bot.Pages;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Knowledge;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Knowledge;

/// <summary>
/// The web knowledge base: <c>GET /</c>, <c>GET /kb</c> (all, by tag, or <c>?q=</c> search),
/// <c>GET /kb/{id}</c> (the full runbook, which card replies link to when they cut an article), and a
/// 404 page for any other path that searches for what was typed. Open to anyone unless
/// <see cref="WebOptions.PublicRunbooks"/> is false.
/// </summary>
internal static class KnowledgeEndpoints
{
    private const int MaxIdLength = 100;

    public static WebApplication MapKnowledgePages(this WebApplication app)
    {
        app.MapMethods("/", HtmlPage.GetOrHead, (IKnowledgeBase knowledge, Links links, IOptions<WebOptions> web, HttpContext http) =>
        {
            // Whether the reader may see the cluster status changes the page, so it is part of the tag.
            var status = !web.Value.SignInRequired ? KnowledgeBasePages.StatusLink.None
                : PageSignIn.Reader(http) is null ? KnowledgeBasePages.StatusLink.SignIn
                : KnowledgeBasePages.StatusLink.Open;
            return Cached(http, knowledge, "home|" + status, () => KnowledgeBasePages.Home(knowledge.Status, links, status));
        }).Runbooks(app.Services);
        app.MapMethods("/kb", HtmlPage.GetOrHead, (string? q, string? tag, IKnowledgeBase knowledge, Links links, HttpContext http) =>
        {
            var query = q?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, KnowledgeBasePages.MaxQueryLength)] : null;
            return Cached(http, knowledge, $"{query}|{tag}", () => query is null
                ? KnowledgeBasePages.Index(knowledge.List(tag), string.IsNullOrWhiteSpace(tag) ? null : tag.Trim(), links)
                : KnowledgeBasePages.Results(query, knowledge.Search(query, 20), links));
        }).Runbooks(app.Services);
        app.MapFallback((HttpContext http, IKnowledgeBase knowledge, Links links) =>
        {
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                return Results.NotFound();
            }

            // The words of the path are what the reader was after: search for them.
            var words = string.Join(' ', Uri.UnescapeDataString(http.Request.Path.Value ?? string.Empty).Split(['/', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries));
            words = words.Length > KnowledgeBasePages.MaxQueryLength ? words[..KnowledgeBasePages.MaxQueryLength] : words;
            var result = words.Length == 0 ? new SearchResult([], false) : knowledge.Search(words, 5);
            return HtmlPage.Content(http.Response, KnowledgeBasePages.Results(words, result, links, "Page not found"), StatusCodes.Status404NotFound);
        }).Runbooks(app.Services);
        app.MapMethods("/kb/{id}", HtmlPage.GetOrHead, (string id, IKnowledgeBase knowledge, Links links, CommandCatalog catalog, HttpResponse response) =>
        {
            var runbook = id.Length <= MaxIdLength ? knowledge.Get(id) : null;
            if (runbook is not null)
            {
                // A runbook names an action by id (kill-vmwp); the command that runs it is spelled with spaces.
                string? Usage(string action) => catalog.Find(action.Replace('-', ' '))?.Definition.Usage;
                return HtmlPage.Content(response, ArticlePage.Article(runbook, links, Usage, knowledge.Get));
            }

            var shown = id.Length <= MaxIdLength ? id : id[..MaxIdLength] + "…";
            var byId = DidYouMean.Suggest(shown, knowledge.List().Select(r => r.Id)).Select(knowledge.Get).OfType<Runbook>();
            var suggestions = byId.Concat(knowledge.Suggest(shown)).DistinctBy(r => r.Id).Take(3).ToList();
            return HtmlPage.Content(response, ArticlePage.NotFound(shown, suggestions, links), StatusCodes.Status404NotFound);
        }).Runbooks(app.Services);
        return app;
    }

    /// <summary>A page that depends only on the loaded index and the key: an ETag of both, and a 304 when the browser has it.</summary>
    private static IResult Cached(HttpContext http, IKnowledgeBase knowledge, string key, Func<string> render)
    {
        HtmlPage.Secure(http.Response);
        var loaded = knowledge.Status.LoadedAt?.UtcTicks ?? 0;
        var tag = $"\"{loaded:x}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16]}\"";
        http.Response.Headers.ETag = tag;
        // A signed-in reader's pages stay in their browser, never in a shared cache.
        http.Response.Headers.CacheControl = http.User.Identity?.IsAuthenticated == true ? "private, no-cache" : "no-cache";
        return http.Request.Headers.IfNoneMatch.Contains(tag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Content(render(), "text/html; charset=utf-8");
    }
}
