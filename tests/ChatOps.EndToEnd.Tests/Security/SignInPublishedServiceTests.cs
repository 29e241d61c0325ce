using System.Net;
using System.Text;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;

namespace ChatOps.EndToEnd.Tests.Security;

/// <summary>
/// Page sign-in on the service as published, started as its own process: a package set that does not load
/// (issue 22: every request a 500 with <c>Could not load System.IdentityModel.Tokens.Jwt 8.19.2</c>) passed
/// in the test host and failed for the operator.
/// Needs no network: the identity provider and the Bot Connector are local fakes.
/// </summary>
public sealed class SignInPublishedServiceTests
{
    private const string ClientId = "pages-app";

    [SkippableFact]
    public async Task Published_SignInConfigured_AnswersHealthTeamsAndTheSignIn()
    {
        var (assembly, problem) = await PublishedService.AssemblyAsync();
        Skip.If(assembly is null, problem);
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        var data = Directory.CreateTempSubdirectory("chatops-published-").FullName;
        try
        {
            using var service = await BotProcess.StartServiceAsync(
                new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["ChatOps__Storage__Path"] = Path.Combine(data, "chatops.db"),
                    ["ChatOps__Web__ClientId"] = ClientId,
                    ["ChatOps__Web__Authority"] = idp.Authority,
                },
                assembly: assembly);
            using var browser = new HttpClient(new PlainHttpCookies()) { BaseAddress = service.Client.BaseAddress };

            using var health = await browser.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.True(health.StatusCode == HttpStatusCode.OK, $"/healthz answered {(int)health.StatusCode}:\n{service.Output}");
            using var message = new StringContent(TeamsActivity.Message("help", connector.ServiceUrl).ToJson(), Encoding.UTF8, "application/json");
            using var posted = await browser.PostAsync(new Uri("/api/messages", UriKind.Relative), message);
            var reply = await connector.NextAsync(TimeSpan.FromSeconds(30));
            using var challenge = await browser.GetAsync(new Uri("/status", UriKind.Relative));
            using var signIn = await idp.SignInAsync(browser, "/status", ClientId, TeamsUser.Sam.AadObjectId, "sam@contoso.com", "Sam Reader");
            using var status = await browser.GetAsync(new Uri("/status", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            Assert.Contains("kb search", reply.Activity.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
            Assert.StartsWith($"{idp.Authority}/authorize?", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("/status", signIn.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            Assert.Contains("Signed in as Sam Reader", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("Could not load", service.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>With Bot Framework credentials, the Bot Framework's own token check runs on the same IdentityModel: a forged token is a 401, not a 500.</summary>
    [SkippableFact]
    public async Task Published_SignInAndBotCredentials_ForgedTokenIs401()
    {
        var (assembly, problem) = await PublishedService.AssemblyAsync();
        Skip.If(assembly is null, problem);
        var data = Directory.CreateTempSubdirectory("chatops-published-").FullName;
        try
        {
            using var service = await BotProcess.StartServiceAsync(
                new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["MicrosoftAppId"] = "00000000-1111-2222-3333-444444444444",
                    ["MicrosoftAppPassword"] = "not-a-real-secret",
                    ["MicrosoftAppType"] = "MultiTenant",
                    ["ChatOps__Storage__Path"] = Path.Combine(data, "chatops.db"),
                    ["ChatOps__Web__ClientId"] = ClientId,
                    ["ChatOps__Web__Authority"] = "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0",
                },
                assembly: assembly);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
            {
                Content = new StringContent(TeamsActivity.Message("help", "https://smba.trafficmanager.net/emea/").ToJson(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.");

            using var health = await service.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
            using var forged = await service.Client.SendAsync(request);

            Assert.True(health.StatusCode == HttpStatusCode.OK, $"/healthz answered {(int)health.StatusCode}:\n{service.Output}");
            Assert.True(forged.StatusCode == HttpStatusCode.Unauthorized, $"/api/messages answered {(int)forged.StatusCode}:\n{service.Output}");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
