using System.Net;
using ChatOps.Bot.Tests.Storage;
using ChatOps.Clusters.Gateway;
using ChatOps.EndToEnd.Tests.Actions;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;

namespace ChatOps.EndToEnd.Tests.HighAvailability;

/// <summary>
/// Two instances of the service in one test process, on one PostgreSQL database and behind one
/// (fake) Bot Connector, as two services behind one Azure Bot registration are: Teams may deliver
/// any activity, and any redelivery of it, to either.
/// </summary>
public sealed class TwoInstancesTests
{
    private const string Channel = "19:ops-channel@thread.tacv2";

    [SkippableFact]
    public async Task RequestOnAConfirmedOnB_RunsOnceAndBUpdatesTheCard()
    {
        await using var pair = await Pair.StartAsync();

        var card = await pair.A.AskAsync("kill clussvc HV04");
        var text = await pair.B.PressAsync(card);

        Assert.Contains("Stopped the cluster service on HV04", text, StringComparison.Ordinal);
        Assert.Equal(1, pair.Runs(ClusterAction.StopClusterService));
        var again = await pair.A.PressAsync(card);
        Assert.DoesNotContain("Stopped the cluster service on HV04", again, StringComparison.Ordinal);
        Assert.Equal(1, pair.Runs(ClusterAction.StopClusterService));
    }

    [SkippableFact]
    public async Task AThousandRedeliveriesOfOneConfirmSpreadOverAAndB_RunItOnce()
    {
        await using var pair = await Pair.StartAsync();
        var card = await pair.A.AskAsync("kill vmwp web-01");
        var (pendingId, nonce) = card.Confirmation!.Value;
        // One activity, one id: what Teams sends again when an answer is slow, to whichever instance.
        var press = TeamsActivity.Execute("confirm", pendingId, nonce, pair.Connector.ServiceUrl, null, card.ConversationId, cardId: card.Id).ToJson();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() => (i % 2 == 0 ? pair.A : pair.B).PostRawAsync(press))));

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"status {s}"));
        Assert.Contains(HttpStatusCode.OK, statuses);
        // The press that won may still be running when the last redelivery is answered.
        for (var waited = 0; pair.Runs(ClusterAction.KillVmWorker) == 0 && waited < 100; waited++)
        {
            await Task.Delay(100);
        }

        Assert.True(pair.Runs(ClusterAction.KillVmWorker) == 1, $"ran {pair.Runs(ClusterAction.KillVmWorker)} times; statuses {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key} x{g.Count()}"))}");
        await Task.Delay(500);
        Assert.Equal(1, pair.Runs(ClusterAction.KillVmWorker));
    }

    [SkippableFact]
    public async Task ASummaryTriggerEvery3Seconds_PostsOncePerFireAcrossTwoSchedulersFor30Seconds()
    {
        await using var pair = await Pair.StartAsync(("ChatOps:Schedules:Summary", "0/3 * * * * ?"), ("ChatOps:Proactive:BaseDelay", "00:00:00.050"));
        await pair.A.PostAsync(TeamsActivity.Message("subscribe summaries", pair.Connector.ServiceUrl, Channel));
        Assert.Contains("now receives summaries", (await pair.Connector.NextAsync()).VisibleText, StringComparison.Ordinal);

        var posts = new List<DateTimeOffset>();
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < until)
        {
            try
            {
                var call = await pair.Connector.NextAsync(until - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
                if (call.ConversationId == Channel && call.VisibleText.Contains("summary", StringComparison.OrdinalIgnoreCase))
                {
                    posts.Add(DateTimeOffset.UtcNow);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        // Ten fires in 30 s, each posted once: two posts of one fire would land in the same 3-second slot.
        Assert.InRange(posts.Count, 8, 11);
        var slots = posts.Select(p => p.ToUnixTimeSeconds() / 3).ToList();
        Assert.Equal(slots.Count, slots.Distinct().Count());
    }

    /// <summary>Two hosts on one fresh database and one connector; Dana admin, Lee operator, as in <see cref="ActionHost"/>.</summary>
    private sealed class Pair : IAsyncDisposable
    {
        private Pair(FakeBotConnector connector, ChatOpsHost a, ChatOpsHost b) => (Connector, A, B) = (connector, a, b);

        public FakeBotConnector Connector { get; }

        public ChatOpsHost A { get; }

        public ChatOpsHost B { get; }

        public static async Task<Pair> StartAsync(params (string Key, string? Value)[] more)
        {
            Skip.If(PostgresServer.Instance is null, PostgresServer.Missing);
            var database = await PostgresServer.Instance!.CreateDatabaseAsync();
            var settings = ActionHost.Settings([("ChatOps:Storage:Provider", "PostgreSql"), ("ChatOps:Storage:ConnectionString", database), .. more]);

            var connector = await FakeBotConnector.StartAsync();
            var starts = await Task.WhenAll(ChatOpsHost.StartAsync(settings, connector: connector), ChatOpsHost.StartAsync(settings, connector: connector));
            return new Pair(connector, starts[0], starts[1]);
        }

        /// <summary>How often an action ran, over both instances' labs.</summary>
        public int Runs(ClusterAction action) => A.Lab().ActionCount(action) + B.Lab().ActionCount(action);

        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            await Connector.DisposeAsync();
        }
    }
}
