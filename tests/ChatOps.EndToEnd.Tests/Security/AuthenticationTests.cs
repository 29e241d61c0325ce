using System.Net;
using ChatOps.EndToEnd.Tests.Builders;

namespace ChatOps.EndToEnd.Tests.Security;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Post_WithAppIdButNoToken_Answers401AndDoesNotReply()
    {
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-1111-2222-3333-444444444444",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppType"] = "MultiTenant",
        });

        var status = await host.PostAsync(TeamsActivity.Message("help", host.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(host.Connector.Received);
    }

    [Fact]
    public async Task Post_WithForgedBearerToken_Answers401()
    {
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-1111-2222-3333-444444444444",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppType"] = "MultiTenant",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TeamsActivity.Message("help", host.Connector.ServiceUrl).ToJson(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Start_InProductionWithoutCredentials_ExitsNonZeroWithOneClearLine()
    {
        var (exitCode, stderr) = await BotProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MicrosoftAppId"] = string.Empty,
            ["Urls"] = "http://127.0.0.1:0",
        });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("MicrosoftAppId is not set", line, StringComparison.Ordinal);
    }
}
