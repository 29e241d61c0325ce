using System.Diagnostics;
using System.Net;
using System.Text;
using ChatOps.Bot.Storage;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.Commands.Actions;
using ChatOps.EndToEnd.Tests.Actions;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.EndToEnd.Tests.Messages;

/// <summary>The HTTP request only hands the activity over: the work runs on the host, and its answers reach the connector later.</summary>
public sealed class AcceptThenWorkTests
{
    [Fact]
    public async Task Diagnose_NodeSlowedTo20Seconds_AnswersHttpAtOnceThenWorkingThenTheResult()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ActionHost.StartAsync(clock, ("ChatOps:Cluster:NodeTimeout", "00:00:30"));
        host.Lab().InjectFault("HV03", LabFault.Slow(TimeSpan.FromSeconds(20)));

        // The clock is fake: the slow node never answers unless the test moves time on, so an answer that waits for it never comes.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var watch = Stopwatch.StartNew();
        using var content = new StringContent(TeamsActivity.Message("diagnose", host.Connector.ServiceUrl).ToJson(), Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, limit.Token);
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
        await AdvanceUntilAsync(clock, TimeSpan.FromSeconds(3));
        var working = await host.Connector.NextAsync();
        Assert.Contains("Working on `diagnose`", working.VisibleText, StringComparison.Ordinal);

        await AdvanceUntilAsync(clock, TimeSpan.FromSeconds(20));
        var result = await host.Connector.NextAsync();
        Assert.Equal("update", result.Kind);
        Assert.Equal(working.Id, result.Id);
        Assert.DoesNotContain("Working on", result.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_ActionSlowerThanTheInvokeWindow_RunningCardThenTheCardIsUpdatedWithTheResult()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Turns:InvokeAnswerWithin", "00:00:00.5"));
        var card = await host.AskAsync("kill clussvc HV04");
        host.Lab().InjectFault("HV04", new LabFault(ActionLatency: TimeSpan.FromSeconds(4)));

        var watch = Stopwatch.StartNew();
        var running = await host.PressAsync(card);
        watch.Stop();

        // Answered at the 0.5 s window, not when the 4 s kill finished.
        Assert.Contains("Running `kill clussvc HV04`", running, StringComparison.Ordinal);
        Assert.True(watch.ElapsedMilliseconds < 3000, $"took {watch.ElapsedMilliseconds} ms");
        var update = await host.Connector.NextAsync();
        Assert.Equal("update", update.Kind);
        Assert.Equal(card.Id, update.Id);
        Assert.Contains("Stopped the cluster service on HV04", update.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedeliveredConfirm_GetsTheStoredAnswerAndRunsOnce()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("kill clussvc HV04");
        var (pendingId, nonce) = card.Confirmation!.Value;
        var press = TeamsActivity.Execute("confirm", pendingId, nonce, host.Connector.ServiceUrl, cardId: card.Id);

        var first = await host.InvokeAsync(press);
        var again = await host.InvokeAsync(press);

        Assert.Contains("Stopped the cluster service on HV04", Fakes.ConnectorCall.TextOf(first["value"]), StringComparison.Ordinal);
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task RedeliveredConfirm_RightAfterTheAnswer_GetsTheSameAnswerEvenWhenStoringItIsSlow()
    {
        await using var host = await ChatOpsHost.StartAsync(ActionHost.Settings(), services =>
        {
            var store = services.Single(d => d.ServiceType == typeof(IProcessedActivities));
            services.Remove(store);
            services.AddSingleton<IProcessedActivities>(sp => new SlowFinish((IProcessedActivities)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!), TimeSpan.FromMilliseconds(500)));
        });
        var card = await host.AskAsync("kill clussvc HV04");
        var (pendingId, nonce) = card.Confirmation!.Value;
        var press = TeamsActivity.Execute("confirm", pendingId, nonce, host.Connector.ServiceUrl, cardId: card.Id);

        var first = await host.InvokeAsync(press);
        var again = await host.InvokeAsync(press);

        Assert.Contains("Stopped the cluster service on HV04", Fakes.ConnectorCall.TextOf(first["value"]), StringComparison.Ordinal);
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task PastTheByteBound_ALargeMessageIsRefused503BeforeItIsReadOrStored_AndTakenOnceThereIsRoom()
    {
        var claimed = new List<string>();
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?> { ["ChatOps:Turns:MaxQueuedBytes"] = $"{1024 * 1024}" }, services =>
        {
            var store = services.Single(d => d.ServiceType == typeof(IProcessedActivities));
            services.Remove(store);
            services.AddSingleton<IProcessedActivities>(sp => new CountedClaims((IProcessedActivities)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!), claimed));
        });
        host.Lab().InjectFault("HV01", LabFault.Slow(TimeSpan.FromSeconds(2)));
        var large = "node HV02 " + new string('x', 450 * 1024);

        // A slow turn holds Dana's lane; her first large message waits behind it, holding about 900 KB of the 1 MB.
        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(TeamsActivity.Message("node HV01", host.Connector.ServiceUrl)));
        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(TeamsActivity.Message(large, host.Connector.ServiceUrl).WithId("large-1")));

        // The next is refused before it is read: even a body that is not JSON gets the 503, not a 400.
        var refused = TeamsActivity.Message(large, host.Connector.ServiceUrl).WithId("large-2");
        using (var content = new StringContent(refused.ToJson(), Encoding.UTF8, "application/json"))
        using (var response = await host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await host.PostRawAsync("{" + new string(' ', 100 * 1024)));
        Assert.DoesNotContain(claimed, key => key.EndsWith("|large-2", StringComparison.Ordinal));

        // Once the room is back, the connector's retry is taken, stored and answered.
        while ((await host.Connector.NextAsync()).Activity["replyToId"]?.GetValue<string>() != "large-1")
        {
            // the slow turn's reply, then the first large message's
        }

        // (its turn gives the room back when it is over, a moment after its reply)
        var retried = await host.PostAsync(refused);
        for (var i = 0; i < 50 && retried == HttpStatusCode.ServiceUnavailable; i++)
        {
            await Task.Delay(100);
            retried = await host.PostAsync(refused);
        }

        Assert.Equal(HttpStatusCode.OK, retried);
        Assert.Contains(claimed, key => key.EndsWith("|large-2", StringComparison.Ordinal));
    }

    /// <summary>A store that notes each activity claimed.</summary>
    private sealed class CountedClaims(IProcessedActivities inner, List<string> claimed) : IProcessedActivities
    {
        public Task<ActivityClaim> TryClaimAsync(string activityKey, DateTimeOffset now, string? stored, CancellationToken cancellationToken)
        {
            lock (claimed)
            {
                claimed.Add(activityKey);
            }

            return inner.TryClaimAsync(activityKey, now, stored, cancellationToken);
        }

        public Task<IReadOnlyList<AbandonedActivity>> TakeOverAbandonedAsync(int max, CancellationToken cancellationToken) => inner.TakeOverAbandonedAsync(max, cancellationToken);

        public Task FinishAsync(string activityKey, StoredAnswer? answer, CancellationToken cancellationToken) => inner.FinishAsync(activityKey, answer, cancellationToken);

        public Task ReleaseAsync(string activityKey, CancellationToken cancellationToken) => inner.ReleaseAsync(activityKey, cancellationToken);
    }

    /// <summary>A store whose finish marks take a while to be written, as on a busy disk or a remote database.</summary>
    private sealed class SlowFinish(IProcessedActivities inner, TimeSpan delay) : IProcessedActivities
    {
        public Task<ActivityClaim> TryClaimAsync(string activityKey, DateTimeOffset now, string? stored, CancellationToken cancellationToken) => inner.TryClaimAsync(activityKey, now, stored, cancellationToken);

        public Task<IReadOnlyList<AbandonedActivity>> TakeOverAbandonedAsync(int max, CancellationToken cancellationToken) => inner.TakeOverAbandonedAsync(max, cancellationToken);

        public async Task FinishAsync(string activityKey, StoredAnswer? answer, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            await inner.FinishAsync(activityKey, answer, cancellationToken);
        }

        public Task ReleaseAsync(string activityKey, CancellationToken cancellationToken) => inner.ReleaseAsync(activityKey, cancellationToken);
    }

    [Fact]
    public async Task RedeliveredConfirm_WhileTheFirstStillRuns_GetsARunningCardAndRunsOnce()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Turns:InvokeAnswerWithin", "00:00:00.2"));
        var card = await host.AskAsync("kill clussvc HV04");
        host.Lab().InjectFault("HV04", new LabFault(ActionLatency: TimeSpan.FromSeconds(2)));
        var (pendingId, nonce) = card.Confirmation!.Value;
        var press = TeamsActivity.Execute("confirm", pendingId, nonce, host.Connector.ServiceUrl, cardId: card.Id);

        var first = await host.InvokeAsync(press);
        var again = await host.InvokeAsync(press);

        Assert.Contains("Running `kill clussvc HV04`", Fakes.ConnectorCall.TextOf(first["value"]), StringComparison.Ordinal);
        Assert.Contains("Running `kill clussvc HV04`", Fakes.ConnectorCall.TextOf(again["value"]), StringComparison.Ordinal);
        var update = await host.Connector.NextAsync();
        Assert.Contains("Stopped the cluster service on HV04", update.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task StateStoreWedged_AMessageIsStillAnsweredAfterTheClaimsDeadlineAndAllRecoversAfter()
    {
        await using var host = await ActionHost.StartAsync();
        HttpResponseMessage response;
        var watch = Stopwatch.StartNew();
        using (StoreHeld(host))
        {
            using var content = new StringContent(TeamsActivity.Message("help", host.Connector.ServiceUrl).ToJson(), Encoding.UTF8, "application/json");
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            response = await host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, limit.Token);
            watch.Stop();
            // Reads do not need the state store: the claim is given up after its deadline, and the message answered.
            var help = await host.Connector.NextAsync();
            Assert.Contains("kb search", help.VisibleText, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(watch.ElapsedMilliseconds, 1500, 5000);
        var after = await host.AskAsync("help");
        Assert.Contains("kb search", after.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateStoreWedged_PressGetsAnApologyCardAndNothingRuns()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("kill clussvc HV04");
        string text;
        using (StoreHeld(host))
        {
            text = await host.PressAsync(card);
        }

        Assert.Contains("my state store is not answering", text, StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.StopClusterService));
        var after = await host.AskAsync("help");
        Assert.Contains("kb search", after.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateStoreWedged_WebChatPress_IsAPressToo_AnApologyMessageAndNothingRuns()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Admins:0", "directline:dl_web-admin"));
        var card = await host.AskAsync(TeamsActivity.DirectLine("kill clussvc HV04", host.Connector.ServiceUrl));
        var confirm = card.Card!["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Confirm")!["data"]!.DeepClone();
        ConnectorCall apology;
        using (StoreHeld(host))
        {
            Assert.Equal(HttpStatusCode.OK, await host.PostAsync(TeamsActivity.DirectLine(null, host.Connector.ServiceUrl).With("value", confirm)));
            apology = await host.Connector.NextAsync();
        }

        // Unclaimed, a redelivery could not be told apart: nothing runs, and the person is told.
        Assert.Equal("send", apology.Kind);
        Assert.Contains("my state store is not answering", apology.VisibleText, StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    /// <summary>Holds the state store's lock on another thread until disposed, as a wedged store would.</summary>
    private static IDisposable StoreHeld(ChatOpsHost host)
    {
        var store = host.Services.GetRequiredService<LiteDbStore>();
        var held = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (store.Gate)
            {
                held.Set();
                release.Wait();
            }
        });
        holder.Start();
        held.Wait();
        return new Released(() =>
        {
            release.Set();
            holder.Join();
            held.Dispose();
            release.Dispose();
        });
    }

    private sealed class Released(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    [Fact]
    public async Task OnePersonFloodsTheChannel_AnAdminsConfirmationCardGoesAheadOfTheFlood()
    {
        await using var host = await ActionHost.StartAsync();
        const int flood = 40;
        for (var i = 0; i < flood; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await host.PostAsync(TeamsActivity.Message("help", host.Connector.ServiceUrl).From(TeamsUser.Lee)));
        }

        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(TeamsActivity.Message("kill clussvc HV04", host.Connector.ServiceUrl)));
        var before = 0;
        Fakes.ConnectorCall call;
        while (!(call = await host.Connector.NextAsync()).VisibleText.Contains("Stop the cluster service on HV04?", StringComparison.Ordinal))
        {
            before++;
        }

        // Sent at Teams' 7 a second, the replies to the flood take almost 6 s. Behind them all, the
        // card would come last; ahead of them, it waits only for its own turn (a few replies' worth,
        // more on a busy machine).
        Assert.True(before < flood * 3 / 4, $"{before} of {flood} flood replies went first (the card came after {watch.Elapsed})");
        Assert.NotNull((await host.SeenByAsync(call, TeamsUser.Dana)).Confirmation);
    }

    [Fact]
    public async Task ConfirmationCardRefusedByTheConnector_AuditedUndeliverableAndAskingAgainOffersItAgain()
    {
        await using var host = await ActionHost.StartAsync();
        var request = TeamsActivity.Message("kill clussvc HV04", host.Connector.ServiceUrl);
        host.Connector.FailNext("19:incident@thread.tacv2", 500);

        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(request));
        var apology = await host.Connector.NextAsync();
        Assert.Contains("something went wrong", apology.VisibleText, StringComparison.Ordinal);
        var audit = await host.Services.GetRequiredService<ChatOps.Commands.Actions.IAuditLog>().LatestAsync(5, CancellationToken.None);
        Assert.Equal(ChatOps.Commands.Actions.AuditDecision.Undeliverable, audit[0].Decision);
        Assert.Equal("kill clussvc", audit[0].Action);
        Assert.Equal("HV04", audit[0].Target);
        var turns = host.Services.GetRequiredService<ChatOps.Bot.Turns.TurnQueue>();
        for (var i = 0; i < 100 && turns.Pending > 0; i++)
        {
            await Task.Delay(20);
        }

        // The apology answered it: the same activity sent again is not handled twice; Dana asking again is.
        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(request));
        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(TeamsActivity.Message("kill clussvc HV04", host.Connector.ServiceUrl)));
        var card = await host.SeenByAsync(await host.Connector.NextAsync(), TeamsUser.Dana);

        Assert.Contains("Stop the cluster service on HV04?", card.VisibleText, StringComparison.Ordinal);
        Assert.NotNull(card.Confirmation);
    }

    /// <summary>Moves the fake clock on in small steps, so timers set while it moves also fire.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, TimeSpan span)
    {
        for (var moved = TimeSpan.Zero; moved < span; moved += TimeSpan.FromMilliseconds(500))
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(20);
        }
    }
}
