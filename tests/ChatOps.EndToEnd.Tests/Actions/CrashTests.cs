using System.Net;
using System.Text;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;

namespace ChatOps.EndToEnd.Tests.Actions;

/// <summary>The service killed while an action runs, then started again on the same database, as after a crash.</summary>
public sealed class CrashTests
{
    [Fact]
    public async Task ProcessKilledDuringAnAction_AfterRestartTheActionIsInterruptedAuditedAndReported()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var folder = Directory.CreateTempSubdirectory("chatops-crash-").FullName;
        try
        {
            // HV04 answers probes at once, but a kill on it takes a minute to run: long enough to crash mid-action.
            var lab = LabWithSlowActionsOn("HV04", TimeSpan.FromMinutes(1));
            File.WriteAllText(Path.Combine(folder, "lab.yaml"), lab);
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ChatOps__Storage__Path"] = Path.Combine(folder, "chatops.db"),
                ["ChatOps__Cluster__LabFile"] = Path.Combine(folder, "lab.yaml"),
                ["ChatOps__Cluster__NodeTimeout"] = "00:02:00",
                ["ChatOps__Actions__ExecuteTimeout"] = "00:03:00",
                ["ChatOps__Access__Admins__0"] = TeamsUser.Dana.AadObjectId!,
            };

            using (var first = await BotProcess.StartServiceAsync(environment))
            {
                // A personal chat: the card carries Dana's buttons itself (no per-person views to refresh into).
                var request = TeamsActivity.Message("kill clussvc HV04", connector.ServiceUrl, Personal)
                    .With("conversation", new System.Text.Json.Nodes.JsonObject { ["id"] = Personal, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" });
                Assert.Equal(HttpStatusCode.OK, await PostAsync(first, request, TimeSpan.FromSeconds(30)));
                var card = await NextWithTextAsync(connector, "Stop the cluster service on HV04?");
                var (pendingId, nonce) = card.Confirmation!.Value;
                var confirmed = PostAsync(first, TeamsActivity.Execute("confirm", pendingId, nonce, connector.ServiceUrl, conversationId: Personal), TimeSpan.FromSeconds(30));
                // The service logs the action as it starts; the kill itself would take a minute.
                var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
                while (!first.Output.Contains($"Running kill clussvc HV04 ({pendingId})", StringComparison.Ordinal) && DateTime.UtcNow < until)
                {
                    await Task.Delay(50);
                }

                Assert.Contains($"Running kill clussvc HV04 ({pendingId})", first.Output, StringComparison.Ordinal);
                first.Kill();
                await Assert.ThrowsAnyAsync<Exception>(() => confirmed);
            }

            using var second = await BotProcess.StartServiceAsync(environment);
            var notice = await NextWithTextAsync(connector, "interrupted");
            Assert.Contains("outcome is unknown", notice.VisibleText, StringComparison.Ordinal);
            Assert.Contains("`node HV04`", notice.VisibleText, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.OK, await PostAsync(second, TeamsActivity.Message("audit", connector.ServiceUrl), TimeSpan.FromSeconds(30)));
            var audit = await NextWithTextAsync(connector, "Interrupted");
            Assert.Contains("outcome unknown", audit.VisibleText, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string Personal = "a:1personal-dana";

    /// <summary>The default lab with an action latency on one node.</summary>
    private static string LabWithSlowActionsOn(string node, TimeSpan latency)
    {
        using var stream = typeof(ChatOps.Clusters.Lab.ILabCluster).Assembly.GetManifestResourceStream("ChatOps.Clusters.Lab.default-lab.yaml")!;
        var yaml = new StreamReader(stream).ReadToEnd();
        var entry = $"  - name: {node}\n";
        Assert.Contains(entry, yaml, StringComparison.Ordinal);
        return yaml.Replace(entry, entry + $"    fault: {{ actionLatencyMs: {(int)latency.TotalMilliseconds} }}\n", StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> PostAsync(RunningService service, TeamsActivity activity, TimeSpan limit)
    {
        using var content = new StringContent(activity.ToJson(), Encoding.UTF8, "application/json");
        using var cancel = new CancellationTokenSource(limit);
        using var response = await service.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancel.Token);
        return response.StatusCode;
    }

    private static async Task<ConnectorCall> NextWithTextAsync(FakeBotConnector connector, string text)
    {
        while (true)
        {
            var call = await connector.NextAsync(TimeSpan.FromSeconds(30));
            if (call.VisibleText.Contains(text, StringComparison.Ordinal))
            {
                return call;
            }
        }
    }
}
