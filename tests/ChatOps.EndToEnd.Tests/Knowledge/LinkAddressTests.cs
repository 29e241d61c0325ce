using System.Net;
using System.Text;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;

namespace ChatOps.EndToEnd.Tests.Knowledge;

/// <summary>Without <c>ChatOps:Links:PublicUrl</c>, links point where the service listens (<c>--urls</c>), not at a port it may not use.</summary>
public sealed class LinkAddressTests
{
    [Fact]
    public async Task NoPublicUrl_LinksUseTheBoundAddress()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var folder = Directory.CreateTempSubdirectory("chatops-links-").FullName;
        try
        {
            var url = $"http://127.0.0.1:{BotProcess.FreePort()}";
            using var service = await BotProcess.StartServiceAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ChatOps__Storage__Path"] = Path.Combine(folder, "chatops.db"),
            }, url);
            using var content = new StringContent(TeamsActivity.Message("kb vm-state-desync", connector.ServiceUrl).ToJson(), Encoding.UTF8, "application/json");
            using var response = await service.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
            var reply = await connector.NextAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"{url}/kb/vm-state-desync", reply.Activity.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(":3978", reply.Activity.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
