using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Knowledge;

namespace ChatOps.Bot.Knowledge;

/// <summary>
/// The web knowledge base: <c>GET /</c>, <c>GET /kb</c> (all, by tag, or <c>?q=</c> search),
/// <c>GET /kb/{id}</c> (the full runbook, which card replies link to when they cut an article), and a
/// 404 page for any other path that searches for what was typed.
/// </summary>
internal static class KnowledgeEndpoints
{
    private const int MaxIdLength = 100;

    public static WebApplication MapKnowledgePages(this WebApplication app)
    {
        app.MapGet("/", (IKnowledgeBase knowledge, Links links, HttpContext http) =>
            Cached(http, knowledge, string.Empty, () => KnowledgeBasePages.Home(knowledge.Status, links)));
        app.MapGet("/kb", (string? q, string? tag, IKnowledgeBase knowledge, Links links, HttpContext http) =>
        {
            var query = q?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, KnowledgeBasePages.MaxQueryLength)] : null;
            return Cached(http, knowledge, $"{query}|{tag}", () => query is null
                ? KnowledgeBasePages.Index(knowledge.List(tag), string.IsNullOrWhiteSpace(tag) ? null : tag.Trim(), links)
                : KnowledgeBasePages.Results(query, knowledge.Search(query, 20), links));
        });
        app.MapFallback((HttpContext http, IKnowledgeBase knowledge, Links links) =>
        {
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                return Results.NotFound();
            }

            // The words of the path are what the reader was after: search for them.
            var words = string.Join(' ', Uri.UnescapeDataString(http.Request.Path.Value ?? string.Empty).Split(['/', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries));
            words = words.Length > KnowledgeBasePages.MaxQueryLength ? words[..KnowledgeBasePages.MaxQueryLength] : words;
            Secure(http.Response);
            var result = words.Length == 0 ? new SearchResult([], false) : knowledge.Search(words, 5);
            return Results.Content(KnowledgeBasePages.Results(words, result, links, "Page not found"), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        });
        app.MapGet("/kb/{id}", (string id, IKnowledgeBase knowledge, Links links, CommandCatalog catalog, HttpResponse response) =>
        {
            Secure(response);
            var runbook = id.Length <= MaxIdLength ? knowledge.Get(id) : null;
            if (runbook is not null)
            {
                // A runbook names an action by id (kill-vmwp); the command that runs it is spelled with spaces.
                string? Usage(string action) => catalog.Find(action.Replace('-', ' '))?.Definition.Usage;
                return Results.Content(ArticlePage.Article(runbook, links, Usage, knowledge.Get), "text/html; charset=utf-8");
            }

            var shown = id.Length <= MaxIdLength ? id : id[..MaxIdLength] + "…";
            var byId = DidYouMean.Suggest(shown, knowledge.List().Select(r => r.Id)).Select(knowledge.Get).OfType<Runbook>();
            var suggestions = byId.Concat(knowledge.Suggest(shown)).DistinctBy(r => r.Id).Take(3).ToList();
            return Results.Content(ArticlePage.NotFound(shown, suggestions, links), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        });
        return app;
    }

    /// <summary>Only the inline stylesheet may load; the browser must not guess types.</summary>
    private static void Secure(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ArticlePage.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>A page that depends only on the loaded index and the query: an ETag of both, and a 304 when the browser has it.</summary>
    private static IResult Cached(HttpContext http, IKnowledgeBase knowledge, string query, Func<string> render)
    {
        Secure(http.Response);
        var loaded = knowledge.Status.LoadedAt?.UtcTicks ?? 0;
        var tag = $"\"{loaded:x}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(query)))[..16]}\"";
        http.Response.Headers.ETag = tag;
        http.Response.Headers.CacheControl = "no-cache";
        return http.Request.Headers.IfNoneMatch.Contains(tag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Content(render(), "text/html; charset=utf-8");
    }
}
