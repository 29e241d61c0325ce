using System.Net;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;

namespace ChatOps.EndToEnd.Tests.Messages;

/// <summary>
/// Acknowledged messages survive the process: the service is killed (as a crash does) or stopped
/// (as a service manager does) with messages queued, and started again on the same state file.
/// </summary>
public sealed class DurableIntakeTests
{
    /// <summary>Messages queued in one lane: each waits for the one before, about half a second each.</summary>
    private const int Queued = 12;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StoppedWithMessagesQueued_AfterRestartEachIsAnsweredAndNoneTwice(bool kill)
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var folder = Directory.CreateTempSubdirectory("chatops-intake-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "lab.yaml"), LabFile.DefaultWith("{ latencyMs: 500 }", "HV05"));
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ChatOps__Storage__Path"] = Path.Combine(folder, "chatops.db"),
                ["ChatOps__Cluster__LabFile"] = Path.Combine(folder, "lab.yaml"),
                ["ChatOps__Turns__DrainTimeout"] = "00:00:01",
            };

            // Spread over threads, as a busy channel's are: one person may have only so many waiting in one.
            var sent = Enumerable.Range(0, Queued).Select(i => TeamsActivity.Message("node HV05", connector.ServiceUrl, $"19:incident-{i % 4}@thread.tacv2")).ToList();
            using (var first = await BotProcess.StartServiceAsync(environment))
            {
                foreach (var message in sent)
                {
                    Assert.Equal(HttpStatusCode.OK, await first.PostAsync(message, TimeSpan.FromSeconds(30)));
                }

                // Every one was acknowledged; the first answers arrive, then the process goes.
                await connector.NextWithTextAsync("HV05");
                if (kill)
                {
                    first.Kill();
                }
                else
                {
                    Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(60)));
                }
            }

            var answeredBefore = AnswersTo(connector, sent).Values.Sum();
            Assert.True(answeredBefore < Queued, $"all {Queued} were answered before the process went: nothing left to recover");

            using var second = await BotProcess.StartServiceAsync(environment);
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (AnswersTo(connector, sent).Count(a => a.Value > 0) < Queued && DateTime.UtcNow < until)
            {
                await Task.Delay(200);
            }

            var answers = AnswersTo(connector, sent);
            Assert.All(sent, m => Assert.True(answers.GetValueOrDefault(m.Id) > 0, $"{m.Id} was never answered ({answeredBefore} before the restart)\n{second.Output}"));
            // Recorded before sent: only a reply sent and not yet recorded when the process was killed may go twice.
            Assert.True(answers.Values.Sum() - Queued <= (kill ? 1 : 0), $"{answers.Values.Sum()} answers to {Queued} messages");

            // Answered, so finished: the same activity delivered again is not handled again.
            var before = answers.Values.Sum();
            Assert.Equal(HttpStatusCode.OK, await second.PostAsync(sent[0], TimeSpan.FromSeconds(30)));
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(before, AnswersTo(connector, sent).Values.Sum());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task LeftUnhandledByAnEarlierProcess_TooOldIsToldAndAuditedGoneOrUnreachableIsAuditedRecentIsAnswered()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var folder = Directory.CreateTempSubdirectory("chatops-intake-").FullName;
        try
        {
            var path = Path.Combine(folder, "chatops.db");
            var now = DateTimeOffset.UtcNow;
            var old = TeamsActivity.Message("node HV05", connector.ServiceUrl);
            var gone = TeamsActivity.Message("node HV06", connector.ServiceUrl, "19:archived@thread.tacv2");
            var recent = TeamsActivity.Message("node HV04", connector.ServiceUrl);
            var unreachable = TeamsActivity.Message("node HV01", "not a service address");
            // An earlier process acknowledged these and died before handling them.
            var options = Microsoft.Extensions.Options.Options.Create(new ChatOps.Bot.Storage.StorageOptions { Path = path });
            using (var store = new ChatOps.Bot.Storage.LiteDbStore(options, new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = folder }))
            using (var claims = new ChatOps.Bot.Storage.LiteDbProcessedActivities(store, options))
            {
                foreach (var (activity, conversation, at) in new[] { (old, "19:incident@thread.tacv2", now.AddHours(-2)), (gone, "19:archived@thread.tacv2", now.AddHours(-3)), (recent, "19:incident@thread.tacv2", now.AddMinutes(-1)), (unreachable, "19:incident@thread.tacv2", now.AddHours(-4)) })
                {
                    var stored = ChatOps.Bot.Turns.StoredTurn.Write(
                        Newtonsoft.Json.JsonConvert.DeserializeObject<Microsoft.Bot.Schema.Activity>(activity.ToJson())!,
                        new Microsoft.Bot.Connector.Authentication.AuthenticateRequestResult { ClaimsIdentity = new System.Security.Claims.ClaimsIdentity() });
                    Assert.True((await claims.TryClaimAsync($"msteams|{conversation}|{activity.Id}", at, stored, CancellationToken.None)).Claimed);
                }
            }

            // The archived team's conversation is gone: Teams answers 404.
            connector.FailNext("19:archived@thread.tacv2", 404);
            using var service = await BotProcess.StartServiceAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ChatOps__Storage__Path"] = path,
                ["ChatOps__Access__Admins__0"] = TeamsUser.Dana.AadObjectId!,
            });

            var notice = await connector.NextWithTextAsync("I did not answer your message");
            Assert.Contains("“node HV05”", notice.VisibleText, StringComparison.Ordinal);
            Assert.Contains("send it again", notice.VisibleText, StringComparison.Ordinal);
            var answer = await connector.NextWithTextAsync("HV04");
            Assert.Equal(recent.Id, answer.Activity["replyToId"]?.GetValue<string>());

            Assert.Equal(HttpStatusCode.OK, await service.PostAsync(TeamsActivity.Message("audit", connector.ServiceUrl), TimeSpan.FromSeconds(30)));
            var audit = await connector.NextWithTextAsync("Audit");
            Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(audit.VisibleText, "Unanswered"));
            Assert.Contains("telling them failed", audit.VisibleText, StringComparison.Ordinal);
            Assert.Contains("conversation is gone (404)", audit.VisibleText, StringComparison.Ordinal);
            Assert.Contains("told them", audit.VisibleText, StringComparison.Ordinal);
            lock (connector.Received)
            {
                Assert.DoesNotContain(connector.Received, c => c.VisibleText.Contains("HV05", StringComparison.Ordinal) && !c.VisibleText.Contains("did not answer", StringComparison.Ordinal) && !c.VisibleText.Contains("Audit", StringComparison.Ordinal));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>How many replies each sent message got (a reply names the activity it answers).</summary>
    private static Dictionary<string, int> AnswersTo(FakeBotConnector connector, IReadOnlyList<TeamsActivity> sent)
    {
        var ids = sent.Select(m => m.Id).ToHashSet();
        lock (connector.Received)
        {
            return connector.Received
                .Where(c => c.Kind == "send" && c.Activity["replyToId"]?.GetValue<string>() is { } to && ids.Contains(to))
                .GroupBy(c => c.Activity["replyToId"]!.GetValue<string>())
                .ToDictionary(g => g.Key, g => g.Count());
        }
    }
}
