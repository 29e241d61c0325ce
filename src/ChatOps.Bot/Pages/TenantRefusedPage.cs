using ChatOps.Commands.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ChatOps.Bot.Pages;

/// <summary>
/// The answer to a reader who signed in but whose tenant <see cref="AccessOptions.AllowedTenants"/>
/// does not list: one 403 page saying why and whom to ask. The cookie handler would otherwise send
/// them to an access-denied path, itself behind the same sign-in, and round again. Their session is
/// ended so that the next visit may sign in with another account.
/// </summary>
internal static class TenantRefusedPage
{
    public static async Task WriteAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        var reader = PageSignIn.Reader(http);
        var tenant = http.User.FindFirst("tid")?.Value;
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var retry = ReturnUrl.LocalOrHome(http.Request.PathBase + http.Request.Path + http.Request.QueryString);
        var body =
            "<h1>Not for your organisation</h1>" +
            $"<p>You signed in as {HtmlPage.Encode(reader?.Name)}{(reader?.Upn is { } upn ? $" ({HtmlPage.Encode(upn)})" : string.Empty)}, " +
            $"an account of tenant <code>{HtmlPage.Encode(tenant ?? "unknown")}</code>. These pages are open only to the organisations this ChatOps bot serves.</p>" +
            "<p>If you should see them, ask the people who run the bot to add your tenant to " +
            $"<code>{AccessOptions.Section}:AllowedTenants</code>, or <a href=\"{HtmlPage.Encode(retry)}\">sign in with another account</a>.</p>";
        HtmlPage.Secure(http.Response);
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(HtmlPage.Render("Not for your organisation", body));
    }
}
