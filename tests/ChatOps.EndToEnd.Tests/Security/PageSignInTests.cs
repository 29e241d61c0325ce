using System.Net;
using System.Text.RegularExpressions;
using ChatOps.EndToEnd.Tests.Actions;
using ChatOps.EndToEnd.Tests.Builders;

namespace ChatOps.EndToEnd.Tests.Security;

/// <summary>With <c>ChatOps:Web:ClientId</c> set, a sweep page is shown only after an Entra ID (OpenID Connect) sign-in.</summary>
public sealed class PageSignInTests
{
    [Fact]
    public async Task SignInConfigured_SweepPageWithoutASession_RedirectsToTheIdentityProvider()
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var host = await ActionHost.StartAsync(("ChatOps:Web:ClientId", "pages-app"), ("ChatOps:Web:Authority", idp.Authority));
        var reply = await host.AskAsAsync(TeamsUser.Lee, "sweep now");
        var path = Regex.Match(reply.Activity.ToJsonString(), "http://localhost:3978(/sweeps/[0-9a-zA-Z-]+)").Groups[1].Value;
        using var browser = host.CreateClientWithoutRedirects();

        using var page = await browser.GetAsync(new Uri(path, UriKind.Relative));
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)) { Headers = { { "Cookie", "ChatOps.Pages=CfDJ8forged" } } };
        using var withForgedCookie = await browser.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith($"{idp.Authority}/authorize?", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("client_id=pages-app", page.Headers.Location!.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("KB970529", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withForgedCookie.StatusCode);
    }

    [Fact]
    public async Task SignInConfigured_RunbooksAndTheBotEndpointAreUnaffected()
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var host = await ActionHost.StartAsync(("ChatOps:Web:ClientId", "pages-app"), ("ChatOps:Web:Authority", idp.Authority));
        using var browser = host.CreateClientWithoutRedirects();

        using var runbook = await browser.GetAsync(new Uri("/kb/vm-state-desync", UriKind.Relative));
        var help = await host.AskAsync("help");

        Assert.Equal(HttpStatusCode.OK, runbook.StatusCode);
        Assert.Contains("kb search", help.VisibleText, StringComparison.Ordinal);
    }
}
