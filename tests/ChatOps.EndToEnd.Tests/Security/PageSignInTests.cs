using System.Net;
using System.Text.RegularExpressions;
using ChatOps.EndToEnd.Tests.Actions;
using ChatOps.EndToEnd.Tests.Builders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.EndToEnd.Tests.Security;

/// <summary>With <c>ChatOps:Pages:ClientId</c> set, a sweep page is shown only after an Entra ID (OpenID Connect) sign-in.</summary>
public sealed class PageSignInTests
{
    [Fact]
    public async Task SignInConfigured_SweepPageWithoutASession_RedirectsToTheIdentityProvider()
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var host = await ActionHost.StartAsync(("ChatOps:Pages:ClientId", "pages-app"), ("ChatOps:Pages:Authority", idp.Authority));
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
        await using var host = await ActionHost.StartAsync(("ChatOps:Pages:ClientId", "pages-app"), ("ChatOps:Pages:Authority", idp.Authority));
        using var browser = host.CreateClientWithoutRedirects();

        using var runbook = await browser.GetAsync(new Uri("/kb/vm-state-desync", UriKind.Relative));
        var help = await host.AskAsync("help");

        Assert.Equal(HttpStatusCode.OK, runbook.StatusCode);
        Assert.Contains("kb search", help.VisibleText, StringComparison.Ordinal);
    }

    /// <summary>Just enough of an OpenID Connect provider for a challenge: its discovery document and an empty key set.</summary>
    private sealed class FakeIdentityProvider : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeIdentityProvider(WebApplication app, string authority)
        {
            _app = app;
            Authority = authority;
        }

        public string Authority { get; }

        public static async Task<FakeIdentityProvider> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            string? authority = null;
            app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = authority!,
                ["authorization_endpoint"] = $"{authority}/authorize",
                ["token_endpoint"] = $"{authority}/token",
                ["jwks_uri"] = $"{authority}/keys",
                ["response_types_supported"] = new[] { "code", "id_token" },
                ["subject_types_supported"] = new[] { "pairwise" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }));
            app.MapGet("/keys", () => Results.Json(new { keys = Array.Empty<object>() }));
            await app.StartAsync();
            authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            return new FakeIdentityProvider(app, authority);
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
