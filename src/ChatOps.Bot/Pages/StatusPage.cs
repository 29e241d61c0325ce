using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Pages;

/// <summary>
/// <c>GET /status</c>: the <c>cluster</c> command's answer as a page, live, for a signed-in
/// reader. Without sign-in configured there is no such page: cluster data is never shown to
/// anyone who can reach the service.
/// </summary>
internal static class StatusPage
{
    public const string Command = "cluster";

    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/status", HtmlPage.GetOrHead, async (HttpContext http, CommandRouter router, IOptions<WebOptions> web, Links links, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            if (PageSignIn.Reader(http) is not { } reader)
            {
                var why = web.Value.SignInRequired ? "Sign in to see the cluster status." : $"The cluster status is shown only to signed-in readers, and sign-in is off: set <code>{WebOptions.Section}:ClientId</code> and <code>Authority</code> to turn it on. In Teams, <code>cluster</code> answers the same.";
                return HtmlPage.Content(http.Response, HtmlPage.Render("Cluster status", $"<h1>Cluster status</h1><p>{why}</p>"), StatusCodes.Status404NotFound);
            }

            var reply = await router.DispatchAsync(Command, new CommandContext(reader, "web", null, "web"), ct);
            var footer = $"<p class=\"muted\">Signed in as {HtmlPage.Encode(reader.Name)} · taken when this page loaded · <a href=\"{HtmlPage.Encode(links.Page(string.Empty))}\">runbooks</a></p>";
            return HtmlPage.Content(http.Response, HtmlPage.Render("Cluster status", ReplyHtml.Render(reply) + footer));
        }).SignedIn(app.ServiceProvider);
        return app;
    }
}
