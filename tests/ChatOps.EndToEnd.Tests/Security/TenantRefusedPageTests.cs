using System.Net;
using ChatOps.EndToEnd.Tests.Actions;

namespace ChatOps.EndToEnd.Tests.Security;

/// <summary>
/// A reader who signs in with an account of a tenant <c>ChatOps:Access:AllowedTenants</c> does not list
/// gets one page saying so, not a round of redirects (issue 22).
/// </summary>
public sealed class TenantRefusedPageTests
{
    private const string ClientId = "pages-app";
    private const string AllowedTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public async Task SignIn_ReaderOfATenantNotAllowed_GetsOne403PageAndNoLoop(string publicRunbooks)
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var host = await ActionHost.StartAsync(
            ("ChatOps:Web:ClientId", ClientId), ("ChatOps:Web:Authority", idp.Authority), ("ChatOps:Web:PublicRunbooks", publicRunbooks), ("ChatOps:Access:AllowedTenants:0", AllowedTenant));
        using var browser = host.CreateClientWithoutRedirects(https: true);

        using var signIn = await idp.SignInAsync(browser, "/status", ClientId, "guest-oid", "guest@fabrikam.com", "Gus Guest", tenant: "0d0d0d0d-fab0-4000-8000-000000000000");
        var (answer, body, challenges) = await FollowAsync(browser, signIn, idp.Authority);

        Assert.Equal(0, challenges);
        Assert.Equal(HttpStatusCode.Forbidden, answer);
        Assert.Contains("0d0d0d0d-fab0-4000-8000-000000000000", body, StringComparison.Ordinal);
        Assert.Contains("ChatOps:Access:AllowedTenants", body, StringComparison.Ordinal);
        Assert.Contains("ask the people who run the bot", body, StringComparison.Ordinal);
        Assert.DoesNotContain("HV01", body, StringComparison.Ordinal);
    }

    /// <summary>Follows the service's redirects as a browser would, at most five, counting those that go back to the identity provider.</summary>
    private static async Task<(HttpStatusCode Status, string Body, int Challenges)> FollowAsync(HttpClient browser, HttpResponseMessage first, string authority)
    {
        var challenges = 0;
        var response = first;
        for (var hop = 0; hop < 5 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found; hop++)
        {
            var location = response.Headers.Location!;
            if (location.IsAbsoluteUri && location.ToString().StartsWith(authority, StringComparison.Ordinal))
            {
                challenges++;
                break;
            }

            var next = await browser.GetAsync(location.IsAbsoluteUri ? location : new Uri(browser.BaseAddress!, location));
            if (!ReferenceEquals(response, first))
            {
                response.Dispose();
            }

            response = next;
        }

        return (response.StatusCode, await response.Content.ReadAsStringAsync(), challenges);
    }
}
