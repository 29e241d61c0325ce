using System.Net;
using System.Text.Json.Nodes;

namespace ChatOps.EndToEnd.Tests.Health;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_AfterStart_ReportsTheLoadedLabCluster()
    {
        await using var host = await ChatOpsHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cluster = body["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "cluster")!;
        Assert.Equal("Healthy", cluster["status"]!.GetValue<string>());
        Assert.Contains("HVC01", cluster["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_AfterStart_ReportsTheStateDatabase()
    {
        await using var host = await ChatOpsHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var storage = body["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "storage")!;
        Assert.Equal("Healthy", storage["status"]!.GetValue<string>());
        Assert.Contains("chatops.db", storage["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_AnswersWithoutProbing()
    {
        await using var host = await ChatOpsHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
