using System.Net;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;

namespace ChatOps.EndToEnd.Tests.Actions;

/// <summary>The service killed (as a crash does) or stopped while an action runs, then started again on the same database.</summary>
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
            var environment = Environment(folder, TimeSpan.FromMinutes(1));
            using (var first = await BotProcess.StartServiceAsync(environment))
            {
                var confirmed = await ConfirmKillOnHv04Async(first, connector);
                first.Kill();
                await Assert.ThrowsAnyAsync<Exception>(() => confirmed);
            }

            using var second = await BotProcess.StartServiceAsync(environment);
            // The confirm press was stored unfinished and is replayed too: it finds the action interrupted and never runs it.
            var notice = await connector.NextWithTextAsync("`node HV04`");
            Assert.Contains("interrupted", notice.VisibleText, StringComparison.Ordinal);
            Assert.Contains("outcome is unknown", notice.VisibleText, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.OK, await second.PostAsync(TeamsActivity.Message("audit", connector.ServiceUrl), TimeSpan.FromSeconds(30)));
            var audit = await connector.NextWithTextAsync("Interrupted");
            Assert.Contains("outcome unknown", audit.VisibleText, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ProcessStoppedDuringAnAction_TheActionFinishesIsReportedAndAuditedExecuted()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var folder = Directory.CreateTempSubdirectory("chatops-stop-").FullName;
        try
        {
            // A 3 s kill, and a stop asked for a moment into it (SIGTERM, as systemd, Docker or a service manager send).
            var environment = Environment(folder, TimeSpan.FromSeconds(3));
            using (var first = await BotProcess.StartServiceAsync(environment))
            {
                var confirmed = await ConfirmKillOnHv04Async(first, connector);
                Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(60)));
                Assert.DoesNotContain("interrupted", first.Output, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("Stopping", first.Output, StringComparison.Ordinal);
            }

            // Its result reached the card (the press's answer or the update of its "Running…" card).
            lock (connector.Received)
            {
                Assert.Contains(connector.Received, c => c.VisibleText.Contains("HV04", StringComparison.Ordinal) && c.VisibleText.Contains("stopped", StringComparison.OrdinalIgnoreCase));
            }

            using var second = await BotProcess.StartServiceAsync(environment);
            Assert.Equal(HttpStatusCode.OK, await second.PostAsync(TeamsActivity.Message("audit", connector.ServiceUrl), TimeSpan.FromSeconds(30)));
            var audit = await connector.NextWithTextAsync("Audit");
            Assert.Contains("Executed", audit.VisibleText, StringComparison.Ordinal);
            Assert.DoesNotContain("Interrupted", audit.VisibleText, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The service's settings on a state file and a lab in <paramref name="folder"/>, where a kill on HV04 takes <paramref name="killTakes"/>.</summary>
    private static Dictionary<string, string> Environment(string folder, TimeSpan killTakes)
    {
        File.WriteAllText(Path.Combine(folder, "lab.yaml"), LabFile.DefaultWith($"{{ actionLatencyMs: {(int)killTakes.TotalMilliseconds} }}", "HV04"));
        return new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ChatOps__Storage__Path"] = Path.Combine(folder, "chatops.db"),
            ["ChatOps__Cluster__LabFile"] = Path.Combine(folder, "lab.yaml"),
            ["ChatOps__Cluster__NodeTimeout"] = "00:02:00",
            ["ChatOps__Actions__ExecuteTimeout"] = "00:03:00",
            ["ChatOps__Access__Admins__0"] = TeamsUser.Dana.AadObjectId!,
        };
    }

    /// <summary>Dana asks for <c>kill clussvc HV04</c> in her personal chat and confirms; returns once the service logs the action running, with the press's request.</summary>
    private static async Task<Task<HttpStatusCode>> ConfirmKillOnHv04Async(RunningService service, FakeBotConnector connector)
    {
        // A personal chat: the card carries Dana's buttons itself (no per-person views to refresh into).
        var personal = new System.Text.Json.Nodes.JsonObject { ["id"] = Personal, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" };
        var request = TeamsActivity.Message("kill clussvc HV04", connector.ServiceUrl, Personal).With("conversation", personal);
        Assert.Equal(HttpStatusCode.OK, await service.PostAsync(request, TimeSpan.FromSeconds(30)));
        var card = await connector.NextWithTextAsync("Stop the cluster service on HV04?");
        var (pendingId, nonce) = card.Confirmation!.Value;
        var press = TeamsActivity.Execute("confirm", pendingId, nonce, connector.ServiceUrl, conversationId: Personal, cardId: card.Id).With("conversation", personal.DeepClone());
        var confirmed = service.PostAsync(press, TimeSpan.FromSeconds(30));
        var running = $"Running kill clussvc HV04 ({pendingId})";
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!service.Output.Contains(running, StringComparison.Ordinal) && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        Assert.Contains(running, service.Output, StringComparison.Ordinal);
        return confirmed;
    }

    private const string Personal = "a:1personal-dana";
}
