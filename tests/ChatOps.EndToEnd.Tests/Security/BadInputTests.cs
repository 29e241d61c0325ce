using System.Net;
using System.Text.Json.Nodes;
using ChatOps.EndToEnd.Tests.Builders;

namespace ChatOps.EndToEnd.Tests.Security;

/// <summary>
/// Bad input stays 4xx before and after authentication: activities whose fields have the wrong
/// type, invokes the bot does not answer, HEAD on the pages, readiness details behind a proxy, the
/// pages' framing and referrer headers, and <c>audit export</c> to a path it cannot write.
/// </summary>
public sealed class BadInputTests
{
    /// <summary>Fields an activity cannot have with these types.</summary>
    public static TheoryData<string, string> WrongTypes => new()
    {
        { "text", "{}" },
        { "text", "[]" },
        { "timestamp", "\"soon\"" },
        { "entities", "\"x\"" },
        { "attachments", "{}" },
        { "locale", "[]" },
        { "membersAdded", "{}" },
    };

    /// <summary>The same, and a value no number type holds.</summary>
    public static TheoryData<string, string> Hostile
    {
        get
        {
            var rows = new TheoryData<string, string>();
            foreach (var row in WrongTypes)
            {
                rows.Add((string)row[0], (string)row[1]);
            }

            rows.Add("value", "1e400");
            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task FieldOfTheWrongType_WithoutAToken_400Or401_NeverAStackTrace(string field, string json)
    {
        await using var host = await ChatOpsHost.StartAsync(MalformedInputTests.WithCredentials);

        var (status, body) = await PostAsync(host, With(host, field, json));

        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{field}: {json} answered {(int)status}: {body}");
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.True(body.Length < 300, body);
    }

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task FieldOfTheWrongType_400NamingTheField(string field, string json)
    {
        await using var host = await ChatOpsHost.StartAsync();

        var (status, body) = await PostAsync(host, With(host, field, json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field, body, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(host.Connector.Received);
    }

    [Theory]
    [InlineData("task/fetch")]
    [InlineData("composeExtension/submitAction")]
    [InlineData("signin/verifyState")]
    public async Task UnknownInvoke_400WithTheReason(string name)
    {
        await using var host = await ChatOpsHost.StartAsync();
        var invoke = TeamsActivity.Message(string.Empty, host.Connector.ServiceUrl).With("type", "invoke").With("name", name).With("value", new JsonObject());

        var (status, body) = await PostAsync(host, invoke);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"This bot does not answer the invoke '{name}'.", JsonNode.Parse(body)!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Head_AnswersLikeGet_WithoutABody()
    {
        var data = Directory.CreateTempSubdirectory("chatops-head-").FullName;
        try
        {
            using var service = await BotProcess.StartServiceAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ChatOps__Storage__Path"] = Path.Combine(data, "chatops.db"),
            });
            foreach (var path in new[] { "/", "/kb", "/kb/quorum-configuration", "/kb?q=quorum" })
            {
                using var get = await service.Client.GetAsync(new Uri(path, UriKind.Relative));
                using var head = await service.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

                Assert.True(get.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)get.StatusCode}");
                Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {(int)head.StatusCode}");
                Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
                Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Pages_MayNotBeFramed_AndTellNoReferrer()
    {
        await using var host = await ChatOpsHost.StartAsync();

        using var page = await host.Client.GetAsync(new Uri("/kb", UriKind.Relative));

        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Readiness_BehindTheSameHostProxy_DetailsOnlyForThisMachine()
    {
        var data = Directory.CreateTempSubdirectory("chatops-readyz-").FullName;
        try
        {
            using var service = await BotProcess.StartServiceAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ChatOps__Storage__Path"] = Path.Combine(data, "chatops.db"),
            });

            var local = await service.Client.GetStringAsync(new Uri("/readyz", UriKind.Relative));
            using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/readyz");
            forwarded.Headers.Add("X-Forwarded-For", "203.0.113.9");
            using var throughProxy = await service.Client.SendAsync(forwarded);
            var remote = await throughProxy.Content.ReadAsStringAsync();

            Assert.Contains("\"checks\"", local, StringComparison.Ordinal);
            Assert.DoesNotContain("\"checks\"", remote, StringComparison.Ordinal);
            Assert.Contains("\"status\"", remote, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task AuditExport_ToAPathItCannotWrite_OneLineAndExit1()
    {
        var data = Directory.CreateTempSubdirectory("chatops-export-").FullName;
        try
        {
            var (exit, error) = await BotProcess.RunAsync(["audit", "export", "/proc/no-such-dir/audit.jsonl"], new Dictionary<string, string> { ["ChatOps__Storage__Path"] = Path.Combine(data, "chatops.db") });

            Assert.Equal(1, exit);
            Assert.Single(error.Trim().Split('\n'));
            Assert.StartsWith("Cannot write /proc/no-such-dir/audit.jsonl", error.Trim(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static TeamsActivity With(ChatOpsHost host, string field, string json) =>
        TeamsActivity.Message("help", host.Connector.ServiceUrl).With(field, JsonNode.Parse(json) ?? JsonValue.Create(1e300));

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(ChatOpsHost host, TeamsActivity activity)
    {
        using var content = new StringContent(activity.ToJson(), System.Text.Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
