using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Commands.Actions;
using ChatOps.EndToEnd.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests.Security;

/// <summary>Forged tokens and activities Teams would never send: a 401 or a 400 with the reason, never a 500.</summary>
public sealed class MalformedInputTests
{
    /// <summary>A bot with an app id and password: the Bot Framework token is checked.</summary>
    internal static readonly Dictionary<string, string?> WithCredentials = new()
    {
        ["MicrosoftAppId"] = "00000000-1111-2222-3333-444444444444",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["MicrosoftAppType"] = "MultiTenant",
    };

    [Theory]
    [InlineData("Bearer garbage", HttpStatusCode.Unauthorized)]
    [InlineData("Bearer a.b.c", HttpStatusCode.Unauthorized)]
    [InlineData("Basic dXNlcjpwYXNz", HttpStatusCode.Unauthorized)]
    // A well-formed JWT needs the Bot Framework's signing keys, which this machine cannot fetch: our outage, so 503 (retried), never 500.
    [InlineData("Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IngiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIiwiYXVkIjoiMDAwMDAwMDAtMTExMS0yMjIyLTMzMzMtNDQ0NDQ0NDQ0NDQ0IiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2ln", HttpStatusCode.ServiceUnavailable)]
    public async Task Post_TokenTheValidatorCannotAccept_4xxOr503WithoutTheExceptionText(string authorization, HttpStatusCode expected)
    {
        await using var host = await ChatOpsHost.StartAsync(WithCredentials);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TeamsActivity.Message("help", host.Connector.ServiceUrl).ToJson(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Connector.Received);
    }

    [Theory]
    [InlineData("conversation", "'conversation' is missing")]
    [InlineData("serviceUrl", "'serviceUrl' is missing")]
    [InlineData("from", "'from' is missing")]
    [InlineData("type", "'type' is missing")]
    public async Task Post_ActivityWithoutWhatAReplyNeeds_400NamingIt(string property, string expected)
    {
        await using var host = await ChatOpsHost.StartAsync();

        var (status, body) = await PostAsync(host, TeamsActivity.Message("help", host.Connector.ServiceUrl).With(property, null));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "'id' is longer than 1024 characters")]
    [InlineData("replyToId", "'replyToId' is longer than 1024 characters")]
    public async Task Post_IdOverOneKilobyte_400(string property, string expected)
    {
        await using var host = await ChatOpsHost.StartAsync();

        var (status, body) = await PostAsync(host, TeamsActivity.Message("help", host.Connector.ServiceUrl).With(property, new string('x', 2000)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ID")]
    [InlineData("Conversation")]
    public async Task Post_PropertyAlsoSpelledInOtherCase_400(string spelling)
    {
        await using var host = await ChatOpsHost.StartAsync();
        var value = spelling == "ID" ? JsonValue.Create(new string('x', 5000)) : (JsonNode)new JsonObject { ["id"] = new string('x', 5000) };

        var (status, body) = await PostAsync(host, TeamsActivity.Message("help", host.Connector.ServiceUrl).With(spelling, value));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("appears more than once", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ServiceUrlNotHttp_400()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var (status, body) = await PostAsync(host, TeamsActivity.Message("help", "file:///etc/passwd"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'serviceUrl' is not an http(s) address", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("{\"a\":1}")]
    [InlineData("[\"x\"]")]
    [InlineData("true")]
    public async Task Press_PendingIdNotAString_ClearRefusal(string json)
    {
        await using var host = await ChatOpsHost.StartAsync();

        var response = await host.InvokeAsync(TeamsActivity.Execute("confirm", "x", "n", host.Connector.ServiceUrl).WithPendingId(JsonNode.Parse(json)));

        Assert.Contains("not what my buttons send", response.ToJsonString(), StringComparison.Ordinal);
        var audit = await host.Services.GetRequiredService<IAuditLog>().LatestAsync(1, CancellationToken.None);
        Assert.Equal(AuditDecision.Refused, audit[0].Decision);
        Assert.Equal("malformed button data", audit[0].Outcome);
    }

    [Fact]
    public async Task Press_100KilobytePendingId_RefusedAndTheDatabaseDoesNotGrow()
    {
        await using var host = await ChatOpsHost.StartAsync();
        var huge = new string('p', 100 * 1024);
        await host.InvokeAsync(TeamsActivity.Execute("confirm", "warm-up", "n", host.Connector.ServiceUrl));
        var before = host.DatabaseBytes();

        for (var i = 0; i < 5; i++)
        {
            var response = await host.InvokeAsync(TeamsActivity.Execute("confirm", huge, "n", host.Connector.ServiceUrl));
            Assert.Contains("not what my buttons send", response.ToJsonString(), StringComparison.Ordinal);
        }

        // Each press legitimately stores a claim, its short answer and an audit record (a LiteDB
        // checkpoint may add a few 8 KB pages at once); storing the id itself would be 500 KB and more.
        Assert.True(host.DatabaseBytes() - before < 256 * 1024, $"the database grew by {host.DatabaseBytes() - before} bytes");
    }

    [Fact]
    public async Task Press_OneMegabytePendingId_413AndTheDatabaseDoesNotGrow()
    {
        await using var host = await ChatOpsHost.StartAsync();
        await host.InvokeAsync(TeamsActivity.Execute("confirm", "warm-up", "n", host.Connector.ServiceUrl));
        var before = host.DatabaseBytes();

        var (status, body) = await PostAsync(host, TeamsActivity.Execute("confirm", new string('p', 1024 * 1024), "n", host.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than 524288 bytes", body, StringComparison.Ordinal);
        Assert.True(host.DatabaseBytes() - before < 64 * 1024, $"the database grew by {host.DatabaseBytes() - before} bytes");
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(ChatOpsHost host, TeamsActivity activity)
    {
        using var content = new StringContent(activity.ToJson(), System.Text.Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.StartsWith('{') ? JsonNode.Parse(body)?["error"]?.GetValue<string>() ?? body : body);
    }
}
