using System.Net;
using ChatOps.EndToEnd.Tests.Actions;
using ChatOps.EndToEnd.Tests.Builders;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.EndToEnd.Tests.Security;

/// <summary>Where page sign-in sends a reader back to: a page of this service only, never another site (issue 22).</summary>
public sealed class SignInRedirectTests
{
    private const string ClientId = "pages-app";

    /// <summary>A link to one of these paths, with the runbooks behind sign-in, used to land the reader on evil.example once signed in.</summary>
    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("///evil.example/x")]
    [InlineData("/%5Cevil.example/x")]
    [InlineData("/%5C%5Cevil.example/x")]
    public async Task SignIn_StartedAtAPathNamingAnotherHost_ReturnsToThisService(string path)
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var host = await ActionHost.StartAsync(("ChatOps:Web:ClientId", ClientId), ("ChatOps:Web:Authority", idp.Authority), ("ChatOps:Web:PublicRunbooks", "false"));
        using var browser = host.CreateClientWithoutRedirects(https: true);

        using var signIn = await idp.SignInAsync(browser, path, ClientId, TeamsUser.Sam.AadObjectId, "sam@contoso.com", "Sam Reader");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        AssertOnSite(signIn.Headers.Location);
    }

    /// <summary>Whatever put the return URL into the sign-in state, the answer after sign-in never leaves the site.</summary>
    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("///evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("\\\\evil.example\\x")]
    [InlineData("https://evil.example/")]
    [InlineData("/\t/evil.example/x")]
    public async Task SignIn_ReturnUrlOffSiteInTheState_ReturnsToThisService(string returnUrl)
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var host = await ActionHost.StartAsync(("ChatOps:Web:ClientId", ClientId), ("ChatOps:Web:Authority", idp.Authority));
        using var browser = host.CreateClientWithoutRedirects(https: true);
        var format = host.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme).StateDataFormat;

        using var signIn = await idp.SignInAsync(browser, "/status", ClientId, TeamsUser.Sam.AadObjectId, "sam@contoso.com", "Sam Reader", state: state =>
        {
            var properties = format.Unprotect(state)!;
            properties.RedirectUri = returnUrl;
            return format.Protect(properties);
        });

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        AssertOnSite(signIn.Headers.Location);
    }

    /// <summary>An identity provider that does not answer: the page says sign-in is unavailable (503), never a 500.</summary>
    [Fact]
    public async Task IdentityProviderUnreachable_PageAnswers503WithRetryAfter()
    {
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var host = await ActionHost.StartAsync(("ChatOps:Web:ClientId", ClientId), ("ChatOps:Web:Authority", $"https://127.0.0.1:{port}/tenant/v2.0"));
        using var browser = host.CreateClientWithoutRedirects(https: true);

        using var page = await browser.GetAsync(new Uri("/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("identity provider", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    /// <summary>A Location a browser follows to this service: a path with one leading slash, or an absolute URL of localhost.</summary>
    private static void AssertOnSite(Uri? location)
    {
        Assert.NotNull(location);
        var raw = location.OriginalString;
        if (location.IsAbsoluteUri && raw.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Equal("localhost", location.Host);
            return;
        }

        Assert.Matches(@"^/(?![/\\])[^\x00-\x1f]*$", raw);
    }
}
