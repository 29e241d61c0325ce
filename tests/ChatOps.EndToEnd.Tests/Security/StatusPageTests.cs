using System.Net;
using ChatOps.Clusters.Model;
using ChatOps.EndToEnd.Tests.Actions;
using ChatOps.EndToEnd.Tests.Builders;

namespace ChatOps.EndToEnd.Tests.Security;

/// <summary>
/// <c>/status</c> shows the live cluster to a signed-in reader only; <c>/</c> links it for them;
/// <c>ChatOps:Web:PublicRunbooks=false</c> puts the runbooks behind the same sign-in.
/// </summary>
public sealed class StatusPageTests
{
    private const string ClientId = "pages-app";

    [Fact]
    public async Task SignInOff_StatusPage_ShowsNoClusterDataAndSaysHowToTurnItOn()
    {
        await using var host = await ActionHost.StartAsync();
        using var browser = host.CreateClientWithoutRedirects();

        using var status = await browser.GetAsync(new Uri("/status", UriKind.Relative));
        var body = await status.Content.ReadAsStringAsync();
        var home = await browser.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Contains("ChatOps:Web:ClientId", body, StringComparison.Ordinal);
        Assert.DoesNotContain("HV01", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/status", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInOn_AnonymousReader_HomeOffersSignInAndStatusChallenges()
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var host = await ActionHost.StartAsync(("ChatOps:Web:ClientId", ClientId), ("ChatOps:Web:Authority", idp.Authority));
        using var browser = host.CreateClientWithoutRedirects(https: true);

        var home = await browser.GetStringAsync(new Uri("/", UriKind.Relative));
        using var status = await browser.GetAsync(new Uri("/status", UriKind.Relative));

        Assert.Contains("Sign in to see the cluster status", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
        Assert.StartsWith($"{idp.Authority}/authorize?", status.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInOn_SignedInReader_SeesTheLiveClusterAndHomeLinksIt()
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var host = await ActionHost.StartAsync(("ChatOps:Web:ClientId", ClientId), ("ChatOps:Web:Authority", idp.Authority));
        using var browser = host.CreateClientWithoutRedirects(https: true);

        using var signIn = await idp.SignInAsync(browser, "/status", ClientId, TeamsUser.Sam.AadObjectId, "sam@contoso.com", "Sam Reader");
        host.Lab().SetNodeState("HV02", NodeState.Down);
        using var status = await browser.GetAsync(new Uri("/status", UriKind.Relative));
        var body = await status.Content.ReadAsStringAsync();
        var home = await browser.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/status", signIn.Headers.Location!.OriginalString.Replace("https://localhost", string.Empty, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("<h1>Cluster HVC01</h1>", body, StringComparison.Ordinal);
        Assert.Matches("<td>HV02</td><td class=\"outlier\">✖ Down</td>", body);
        Assert.Contains("Signed in as Sam Reader", body, StringComparison.Ordinal);
        Assert.Equal("no-store", status.Headers.CacheControl!.ToString());
        Assert.Contains(">Cluster status</a>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateRunbooks_AnonymousReaderIsChallenged_SignedInReaderReadsThem()
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var host = await ActionHost.StartAsync(("ChatOps:Web:ClientId", ClientId), ("ChatOps:Web:Authority", idp.Authority), ("ChatOps:Web:PublicRunbooks", "false"));
        using var browser = host.CreateClientWithoutRedirects(https: true);

        using var anonymous = await browser.GetAsync(new Uri("/kb/vm-state-desync", UriKind.Relative));
        using var search = await browser.GetAsync(new Uri("/kb?q=APIPA", UriKind.Relative));
        using var notFound = await browser.GetAsync(new Uri("/stale-config-links", UriKind.Relative));
        using var signIn = await idp.SignInAsync(browser, "/kb/vm-state-desync", ClientId, TeamsUser.Sam.AadObjectId, "sam@contoso.com", "Sam Reader");
        using var signedIn = await browser.GetAsync(new Uri("/kb/vm-state-desync", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, search.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, notFound.StatusCode);
        Assert.DoesNotContain("APIPA", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("vm-state-desync", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateRunbooksWithoutSignIn_StartupStopsWithOneClearLine()
    {
        var folder = Directory.CreateTempSubdirectory("chatops-web-").FullName;
        try
        {
            var (exitCode, stderr) = await BotProcess.RunAsync([], new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ChatOps__Storage__Path"] = Path.Combine(folder, "chatops.db"),
                ["ChatOps__Web__PublicRunbooks"] = "false",
                ["Urls"] = "http://127.0.0.1:0",
            });

            Assert.Equal(2, exitCode);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("ChatOps:Web:PublicRunbooks is false, so readers must sign in: set ChatOps:Web:ClientId", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
