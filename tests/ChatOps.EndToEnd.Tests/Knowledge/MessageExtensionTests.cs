using ChatOps.Clusters.Fakes;
using System.Text.Json.Nodes;
using ChatOps.EndToEnd.Tests.Actions;
using ChatOps.EndToEnd.Tests.Builders;

namespace ChatOps.EndToEnd.Tests.Knowledge;

/// <summary>The compose box's runbook search and link unfurling, as Teams sends them to <c>/api/messages</c>.</summary>
public sealed class MessageExtensionTests
{
    [Fact]
    public async Task Query_StaleLink_ReturnsTheStaleConfigLinksRunbookCardFirst()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var response = await host.InvokeAsync(Invoke("composeExtension/query", Query("kb", "stale link"), host.Connector.ServiceUrl));

        var attachments = Attachments(response);
        var first = attachments[0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", first["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", first["content"]!["version"]!.GetValue<string>());
        Assert.Contains("/kb/stale-vm-config-links", first["content"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.thumbnail", first["preview"]!["contentType"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(first["preview"]!["content"]!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Query_Chinese_FindsTheQuorumRunbook()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var response = await host.InvokeAsync(Invoke("composeExtension/query", Query("kb", "仲裁"), host.Connector.ServiceUrl));

        Assert.Contains("/kb/quorum-configuration", Attachments(response)[0]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"(*:[")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Query_BlankHostileOrOversized_AnEmptyResultNotAnError(string text)
    {
        await using var host = await ChatOpsHost.StartAsync();

        var response = await host.InvokeAsync(Invoke("composeExtension/query", Query("kb", text), host.Connector.ServiceUrl));

        Assert.Equal("result", response["composeExtension"]!["type"]!.GetValue<string>());
        Assert.Empty(Attachments(response));
    }

    [Fact]
    public async Task ClusterQuery_NodeName_ItsLiveStateFirst()
    {
        await using var host = await ActionHost.StartAsync();
        await host.Gateway().StopClusterServiceAsync("HV04", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);

        var response = await host.InvokeAsync(Invoke("composeExtension/query", Query("cluster", "hv04"), host.Connector.ServiceUrl));

        var first = Fakes.ConnectorCall.TextOf(Attachments(response)[0]!["content"]);
        Assert.Contains("Node HV04", first, StringComparison.Ordinal);
        Assert.Contains("Down", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterQuery_PartOfAVmName_EveryMatchingVmWithClusterAndHyperVState()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var response = await host.InvokeAsync(Invoke("composeExtension/query", Query("cluster", "web-0"), host.Connector.ServiceUrl));

        var texts = Attachments(response).Select(a => Fakes.ConnectorCall.TextOf(a!["content"])).ToList();
        Assert.Contains(texts, t => t.Contains("VM WEB-01", StringComparison.Ordinal) && t.Contains("Hyper-V says", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.Contains("VM WEB-0", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClusterQuery_AVmHyperVReportsSaved_IsNeverAGreenOnlineAndSaysWhatDiagnoseSays()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var response = await host.InvokeAsync(Invoke("composeExtension/query", Query("cluster", "app-07"), host.Connector.ServiceUrl));

        var result = Assert.Single(Attachments(response));
        var card = Fakes.ConnectorCall.TextOf(result!["content"]);
        Assert.Contains("✖ Online on HV01", card, StringComparison.Ordinal);
        Assert.Contains("✖ Saved on HV01", card, StringComparison.Ordinal);
        Assert.Contains("vm-state-desync", card, StringComparison.Ordinal);
        var preview = result["preview"]!["content"]!["text"]!.ToString();
        Assert.Contains("but Hyper-V says Saved on HV01", preview, StringComparison.Ordinal);
        Assert.Contains("high", preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterQuery_EveryNodeHangs_AnEmptyResultWithinTeamsBudget()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Cluster:NodeTimeout", "00:00:30"));
        foreach (var node in host.Lab().Snapshot().Nodes)
        {
            host.Lab().InjectFault(node.Name, ChatOps.Clusters.Lab.LabFault.Hung);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await host.InvokeAsync(Invoke("composeExtension/query", Query("cluster", "web"), host.Connector.ServiceUrl));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Empty(Attachments(response));
    }

    [Fact]
    public async Task QueryLink_ToARunbookPage_ReturnsItsCard()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var response = await host.InvokeAsync(Invoke("composeExtension/queryLink", new JsonObject { ["url"] = "http://localhost:3978/kb/vm-state-desync" }, host.Connector.ServiceUrl));

        var card = Assert.Single(Attachments(response))!;
        Assert.Contains("/kb/vm-state-desync", card["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:3978/kb/no-such-runbook")]
    [InlineData("https://evil.example.com/kb/vm-state-desync")]
    [InlineData("http://localhost:3978/sweeps/abc")]
    [InlineData("not a url")]
    public async Task QueryLink_NotOneOfItsRunbooks_AnswersWithNothing(string url)
    {
        await using var host = await ChatOpsHost.StartAsync();

        var response = await host.InvokeAsync(Invoke("composeExtension/queryLink", new JsonObject { ["url"] = url }, host.Connector.ServiceUrl));

        Assert.Empty(Attachments(response));
    }

    private static JsonArray Attachments(JsonNode response) => response["composeExtension"]!["attachments"]!.AsArray();

    private static JsonObject Query(string command, string text) => new()
    {
        ["commandId"] = command,
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = text }),
        ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
    };

    private static TeamsActivity Invoke(string name, JsonObject value, string serviceUrl) =>
        TeamsActivity.Message(string.Empty, serviceUrl).AsInvoke(name, value);
}
