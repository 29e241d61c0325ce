using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOps.Bot.Tests.Storage;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;

namespace ChatOps.EndToEnd.Tests.HighAvailability;

/// <summary>
/// Two instances as processes on one PostgreSQL, one of them frozen (SIGSTOP) in the middle of an action
/// for longer than its lease and its action's deadline. The lab runs inside each process, so the freeze
/// pauses its "node" too: this proves that a call reaching a node after its deadline changes nothing and
/// that the frozen instance records what really happened, not the fencing of a call already in flight on
/// a real node (which stays "outcome unknown").
/// </summary>
public sealed class FencingTests
{
    private const string Personal = "a:1personal-dana";

    [SkippableFact]
    public async Task APausedPastItsLeaseMidKill_BWritesItOff_TheRetryOnBRunsOnce_AResumedNeverKillsAndCorrectsTheRecord()
    {
        Skip.If(PostgresServer.Instance is null, PostgresServer.Missing);
        var database = await PostgresServer.Instance!.CreateDatabaseAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        var folder = Directory.CreateTempSubdirectory("chatops-fencing-").FullName;
        try
        {
            // A kill on HV04 takes 8 s to land (A is frozen well before that, however busy the machine);
            // a lease of 5 s; an action's deadline 10 s after it starts.
            File.WriteAllText(Path.Combine(folder, "lab.yaml"), LabFile.DefaultWith("{ actionLatencyMs: 8000 }", "HV04"));
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ChatOps__Storage__Provider"] = "PostgreSql",
                ["ChatOps__Storage__ConnectionString"] = database,
                ["ChatOps__Storage__InstanceLease"] = "00:00:05",
                ["ChatOps__Actions__ExecuteTimeout"] = "00:00:10",
                ["ChatOps__Actions__NodeClockMargin"] = "00:00:00",
                ["ChatOps__Actions__WatchEvery"] = "00:00:01",
                ["ChatOps__Cluster__LabFile"] = Path.Combine(folder, "lab.yaml"),
                ["ChatOps__Cluster__NodeTimeout"] = "00:02:00",
                ["ChatOps__Access__Admins__0"] = TeamsUser.Dana.AadObjectId!,
            };
            using var a = await BotProcess.StartServiceAsync(environment);
            using var b = await BotProcess.StartServiceAsync(environment);

            // A starts the kill, and is frozen a second into it, before the kill lands.
            var first = await ConfirmAsync(a, connector);
            await WaitForAsync(() => a.Output.Contains($"Running kill vmwp WEB-04 ({first})", StringComparison.Ordinal), a);
            await Task.Delay(TimeSpan.FromSeconds(1));
            await a.PauseAsync();

            // Past A's lease and the action's deadline, B reports the outcome unknown; Dana asks again on B, and it runs.
            var interrupted = await connector.NextWithTextAsync("interrupted");
            Assert.Contains("outcome is unknown", interrupted.VisibleText, StringComparison.Ordinal);
            var second = await ConfirmAsync(b, connector);
            Assert.NotEqual(first, second);
            await WaitForAsync(() => b.Output.Contains($"Action KillVmWorker on WEB-04: Succeeded", StringComparison.Ordinal), b);

            // A goes on past the deadline: its node refuses (or its own execute timeout ends the call first); either
            // way nothing is killed, and A says what really happened.
            await a.ResumeAsync();
            var correction = (await connector.NextWithTextAsync("Correction:")).VisibleText;
            Assert.Contains("was reported interrupted", correction, StringComparison.Ordinal);
            Assert.True(correction.Contains("passed before it reached HV04; nothing was changed", StringComparison.Ordinal) || correction.Contains("did not finish within 10 s", StringComparison.Ordinal), correction);
            Assert.DoesNotContain("Action KillVmWorker on WEB-04: Succeeded", a.Output, StringComparison.Ordinal);

            // One execution in all, and A's action ends with a record that corrects its Interrupted one.
            Assert.Equal(HttpStatusCode.OK, await b.PostAsync(TeamsActivity.Message("audit 20", connector.ServiceUrl), TimeSpan.FromSeconds(30)));
            var audit = (await connector.NextWithTextAsync("Audit")).VisibleText;
            // (a record is a line "User · Action · Decision · Outcome": a decision stands between two separators, after its mark)
            Assert.True(Regex.Count(audit, @"· \W*Executed ·") == 1, audit);
            Assert.True(Regex.Count(audit, @"· \W*Interrupted ·") == 1, audit);
            Assert.Contains("corrects the earlier Interrupted record", audit, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Dana asks for <c>kill vmwp WEB-04</c> in her personal chat on <paramref name="service"/> and presses Confirm; returns the action's id.</summary>
    private static async Task<string> ConfirmAsync(RunningService service, FakeBotConnector connector)
    {
        // A personal chat: the card carries Dana's buttons itself (no per-person views to refresh into).
        var personal = new JsonObject { ["id"] = Personal, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" };
        var request = TeamsActivity.Message("kill vmwp WEB-04", connector.ServiceUrl, Personal).With("conversation", personal);
        Assert.Equal(HttpStatusCode.OK, await service.PostAsync(request, TimeSpan.FromSeconds(30)));
        var card = await connector.NextWithTextAsync("WEB-04?");
        var (pendingId, nonce) = card.Confirmation!.Value;
        var press = TeamsActivity.Execute("confirm", pendingId, nonce, connector.ServiceUrl, conversationId: Personal, cardId: card.Id).With("conversation", personal.DeepClone());

        // The press's own request may outlast a pause; what it answers is not what this test reads.
        _ = service.PostAsync(press, TimeSpan.FromMinutes(2)).ContinueWith(t => t.Exception, TaskScheduler.Default);
        return pendingId;
    }

    private static async Task WaitForAsync(Func<bool> condition, RunningService service)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), service.Output);
    }
}
