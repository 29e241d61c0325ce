using System.Net;
using ChatOps.Bot.Tests.Storage;
using ChatOps.Clusters.Gateway;
using ChatOps.Commands.Schedules;
using ChatOps.Commands.Sweeps;
using ChatOps.EndToEnd.Tests.Actions;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

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
    public async Task RequestOnAConfirmedOnB_RunsOnceAndBUpdatesTheCard_APressAgainOnAShowsTheOutcome()
    {
        await using var pair = await Pair.StartAsync();

        var card = await pair.A.AskAsync("kill clussvc HV04");
        var text = await pair.B.PressAsync(card);

        Assert.Contains("Stopped the cluster service on HV04", text, StringComparison.Ordinal);
        Assert.Equal(1, pair.Runs(ClusterAction.StopClusterService));
        // The same person pressing again (a double click, or a second try on the other instance) sees what happened; nothing runs again.
        var again = await pair.A.PressAsync(card);
        Assert.Contains("Stopped the cluster service on HV04", again, StringComparison.Ordinal);
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

    [SkippableFact]
    public async Task OneFireRunOnAAndAgainOnB_EachSubscriberGetsItOnce()
    {
        await using var pair = await Pair.StartAsync(("ChatOps:Proactive:BaseDelay", "00:00:00.050"));
        const string other = "19:other-channel@thread.tacv2";
        foreach (var channel in new[] { Channel, other })
        {
            await pair.A.PostAsync(TeamsActivity.Message("subscribe summaries", pair.Connector.ServiceUrl, channel));
            Assert.Contains("now receives summaries", (await pair.Connector.NextAsync()).VisibleText, StringComparison.Ordinal);
        }

        // The same fire run twice, as when B recovers a run A was cut off in.
        var fire = new ScheduledFire(ScheduledJobs.ChannelSummary, new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero));
        var first = await pair.A.Services.GetRequiredService<SummaryPublisher>().PublishAsync(fire, CancellationToken.None);
        var again = await pair.B.Services.GetRequiredService<SummaryPublisher>().PublishAsync(fire, CancellationToken.None);
        var next = await pair.B.Services.GetRequiredService<SummaryPublisher>().PublishAsync(fire with { ScheduledAt = fire.ScheduledAt.AddDays(1) }, CancellationToken.None);

        Assert.Equal(2, first.Delivered);
        Assert.Equal(0, again.Delivered);
        Assert.Equal(2, next.Delivered);
        var posts = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            posts.Add((await pair.Connector.NextAsync()).ConversationId);
        }

        Assert.Equal(2, posts.Count(c => c == Channel));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pair.Connector.NextAsync(TimeSpan.FromSeconds(1)));
    }

    [SkippableFact]
    public async Task AStopsMidJobAndDoesNotComeBack_BRecoversTheJobAndRunsIt()
    {
        Skip.If(PostgresServer.Instance is null, PostgresServer.Missing);
        var database = await PostgresServer.Instance!.CreateDatabaseAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        // One fire, a few seconds from now, of the prune job; A's run of it never finishes.
        var at = DateTime.UtcNow.AddSeconds(6);
        var settings = ActionHost.Settings(("ChatOps:Storage:Provider", "PostgreSql"), ("ChatOps:Storage:ConnectionString", database),
            ("ChatOps:Schedules:Prune", $"{at:ss mm HH dd MM} ? {at:yyyy}"));
        var onA = new RecordingTask(block: true);
        var a = await ChatOpsHost.StartAsync(settings, services => Only(services, onA, shutdownWithin: TimeSpan.FromSeconds(1)), connector);
        await onA.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // A stops while the job runs and gives up waiting for it after its shutdown timeout: its
        // scheduler never checks in again, as after a crash.
        var stopping = a.DisposeAsync().AsTask();
        var onB = new RecordingTask(block: false);
        settings["ChatOps:Schedules:Prune"] = "0 0 3 1 1 ? 2099";
        await using var b = await ChatOpsHost.StartAsync(settings, services => Only(services, onB, shutdownWithin: TimeSpan.FromSeconds(5)), connector);

        // B takes A for dead after its check-in interval and threshold (7.5 s + 15 s), then runs the job A held.
        await onB.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        onA.Release();
        await stopping;
        Assert.Equal(1, onB.Runs);

        // Both runs are for the same fire, the time it was scheduled at: what once-per-fire posts are keyed by.
        Assert.Equal(new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, at.Second, TimeSpan.Zero), onA.Fire);
        Assert.Equal(onA.Fire, onB.Fire);
    }

    /// <summary>The scheduled tasks replaced by <paramref name="task"/> alone, and the host's shutdown timeout set.</summary>
    private static void Only(IServiceCollection services, RecordingTask task, TimeSpan shutdownWithin)
    {
        services.RemoveAll<IScheduledTask>();
        services.AddSingleton<IScheduledTask>(task);
        // After the service's own setting, which makes room for a running action's execute timeout.
        services.PostConfigure<HostOptions>(o => o.ShutdownTimeout = shutdownWithin);
    }

    /// <summary>The prune job, recording that it ran; one that blocks ignores cancellation until released, as a hung job does.</summary>
    private sealed class RecordingTask(bool block) : IScheduledTask
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _runs;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs => _runs;

        /// <summary>The fire the last run was for.</summary>
        public DateTimeOffset? Fire { get; private set; }

        public string Name => ScheduledJobs.Prune;

        public async Task RunAsync(ScheduledFire fire, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            Fire = fire.ScheduledAt;
            Started.TrySetResult();
            if (block)
            {
                await _released.Task;
            }
        }

        public void Release() => _released.TrySetResult();
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
