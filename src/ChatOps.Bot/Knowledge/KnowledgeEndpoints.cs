using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Knowledge;

namespace ChatOps.Bot.Knowledge;

/// <summary><c>GET /kb/{id}</c>: the full runbook as HTML, which card replies link to when they cut an article.</summary>
internal static class KnowledgeEndpoints
{
    private const int MaxIdLength = 100;

    public static WebApplication MapKnowledgePages(this WebApplication app)
    {
        app.MapGet("/kb/{id}", (string id, IKnowledgeBase knowledge, Links links, HttpResponse response) =>
        {
            response.Headers.ContentSecurityPolicy = ArticlePage.ContentSecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            var runbook = id.Length <= MaxIdLength ? knowledge.Get(id) : null;
            if (runbook is not null)
            {
                return Results.Content(ArticlePage.Article(runbook, links), "text/html; charset=utf-8");
            }

            var shown = id.Length <= MaxIdLength ? id : id[..MaxIdLength] + "…";
            var byId = DidYouMean.Suggest(shown, knowledge.List().Select(r => r.Id)).Select(knowledge.Get).OfType<Runbook>();
            var suggestions = byId.Concat(knowledge.Suggest(shown)).DistinctBy(r => r.Id).Take(3).ToList();
            return Results.Content(ArticlePage.NotFound(shown, suggestions, links), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        });
        return app;
    }
}
