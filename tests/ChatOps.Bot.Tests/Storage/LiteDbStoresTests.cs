using ChatOps.Bot.Storage;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Sweeps;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Storage;

public sealed class LiteDbStoresTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private static PendingAction Pending(string id) => new()
    {
        Id = id,
        Nonce = "nonce",
        Action = "kill clussvc",
        Target = "HV-NODE3",
        RequesterId = "29:u1",
        RequesterName = "Dana",
        ConversationId = "c1",
        CommandText = "kill clussvc hv-node3",
        CreatedAt = Now,
        ExpiresAt = Now.AddMinutes(2),
    };

    [Fact]
    public async Task AuditLog_AppendThenReopen_KeepsRecordsInOrder()
    {
        using var temp = new TempStore();
        using (var store = temp.Open())
        {
            var log = new LiteDbAuditLog(store);
            for (var i = 0; i < 3; i++)
            {
                await log.AppendAsync(new AuditRecord
                {
                    Time = Now.AddSeconds(i),
                    UserId = "29:u1",
                    UserName = "Dana",
                    ConversationId = "c1",
                    CommandText = $"flushdns node{i}",
                    Action = "flushdns",
                    Target = $"NODE{i}",
                    Decision = AuditDecision.Requested,
                    DurationMs = 1.5,
                }, CancellationToken.None);
            }
        }

        using var reopened = temp.Open();
        var latest = await new LiteDbAuditLog(reopened).LatestAsync(2, CancellationToken.None);

        Assert.Equal(["NODE2", "NODE1"], latest.Select(r => r.Target));
        Assert.Equal(Now.AddSeconds(2), latest[0].Time);
        Assert.Equal(AuditDecision.Requested, latest[0].Decision);
    }

    [Fact]
    public async Task PendingActions_TransitionTwice_OnlyFirstWins()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var pending = new LiteDbPendingActions(store);
        await pending.AddAsync(Pending("p1"), CancellationToken.None);
        var running = Pending("p1") with { State = PendingActionState.Running };

        var first = await pending.TryTransitionAsync("p1", PendingActionState.AwaitingConfirmation, running, CancellationToken.None);
        var second = await pending.TryTransitionAsync("p1", PendingActionState.AwaitingConfirmation, running, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(PendingActionState.Running, (await pending.GetAsync("p1", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task PendingActions_ConcurrentConfirms_ExactlyOneWins()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var pending = new LiteDbPendingActions(store);
        await pending.AddAsync(Pending("p2"), CancellationToken.None);
        var running = Pending("p2") with { State = PendingActionState.Running };

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            pending.TryTransitionAsync("p2", PendingActionState.AwaitingConfirmation, running, CancellationToken.None))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task ProcessedActivities_FinishedIdAfterRestart_IsNotClaimedAgainAndKeepsItsAnswer()
    {
        using var temp = new TempStore();
        using (var store = temp.Open())
        {
            using var first = new LiteDbProcessedActivities(store, Options.Create(temp.Options));
            Assert.True((await first.TryClaimAsync("a1", Now, CancellationToken.None)).Claimed);
            await first.FinishAsync("a1", new StoredAnswer(200, "{\"statusCode\":200}"), CancellationToken.None);
        }

        using var reopened = temp.Open();
        using var processed = new LiteDbProcessedActivities(reopened, Options.Create(temp.Options));

        var again = await processed.TryClaimAsync("a1", Now, CancellationToken.None);
        Assert.False(again.Claimed);
        Assert.True(again.Finished);
        Assert.Equal("{\"statusCode\":200}", again.Answer?.Body);
        Assert.True((await processed.TryClaimAsync("a2", Now, CancellationToken.None)).Claimed);
    }

    [Fact]
    public async Task ProcessedActivities_ClaimedButUnfinished_SameProcessRefusesAndTheNextProcessTakesItOver()
    {
        using var temp = new TempStore();
        using (var store = temp.Open())
        {
            using var first = new LiteDbProcessedActivities(store, Options.Create(temp.Options));
            Assert.True((await first.TryClaimAsync("a1", Now, CancellationToken.None)).Claimed);
            var redelivered = await first.TryClaimAsync("a1", Now, CancellationToken.None);
            Assert.False(redelivered.Claimed);
            Assert.False(redelivered.Finished);
        }

        // The process died before finishing: a redelivery to the next one is handled.
        using var reopened = temp.Open();
        using var next = new LiteDbProcessedActivities(reopened, Options.Create(temp.Options));

        Assert.True((await next.TryClaimAsync("a1", Now, CancellationToken.None)).Claimed);
    }

    [Fact]
    public async Task ProcessedActivities_ManyConcurrentClaims_EachIdClaimedOnceAndKeptAfterReopening()
    {
        using var temp = new TempStore();
        using (var store = temp.Open())
        using (var processed = new LiteDbProcessedActivities(store, Options.Create(temp.Options)))
        {
            // 200 ids, each claimed by four requests at once: the writer batches them, and each id goes to exactly one.
            var claims = await Task.WhenAll(Enumerable.Range(0, 800).Select(i => Task.Run(() => processed.TryClaimAsync($"id-{i % 200}", Now, CancellationToken.None))));
            Assert.Equal(200, claims.Count(c => c.Claimed));
        }

        using var reopened = temp.Open();
        using var after = new LiteDbProcessedActivities(reopened, Options.Create(temp.Options));
        await after.FinishAsync("id-0", null, CancellationToken.None);

        Assert.False((await after.TryClaimAsync("id-0", Now, CancellationToken.None)).Claimed);
        Assert.True((await after.TryClaimAsync("id-200", Now, CancellationToken.None)).Claimed);
    }

    [Fact]
    public async Task ProcessedActivities_Released_IsClaimedAgain()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        using var processed = new LiteDbProcessedActivities(store, Options.Create(temp.Options));
        await processed.TryClaimAsync("a1", Now, CancellationToken.None);

        await processed.ReleaseAsync("a1", CancellationToken.None);

        Assert.True((await processed.TryClaimAsync("a1", Now, CancellationToken.None)).Claimed);
    }

    [Fact]
    public async Task SweepHistory_StoreFindPrune_ByTime()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var history = new LiteDbSweepHistory(store);
        for (var day = 0; day < 5; day++)
        {
            await history.AddAsync(new SweepRecord
            {
                Id = $"s{day}",
                Time = Now.AddDays(day),
                Nodes = [new NodeSweep("N1", new Dictionary<string, string> { ["driver:MPIO"] = $"1.{day}" })],
                Findings = [new SweepFinding("driver-parity", "N1", "Medium", "MPIO differs", "driver-parity-across-nodes")],
            }, CancellationToken.None);
        }

        var before = await history.AtOrBeforeAsync(Now.AddDays(2.5), CancellationToken.None);
        var pruned = await history.PruneAsync(Now.AddDays(2), CancellationToken.None);
        var latest = await history.LatestAsync(10, CancellationToken.None);

        Assert.Equal("s2", before!.Id);
        Assert.Equal("1.2", before.Nodes[0].Components["driver:MPIO"]);
        Assert.Equal(2, pruned);
        Assert.Equal(["s4", "s3", "s2"], latest.Select(s => s.Id));
    }

    [Fact]
    public async Task SweepHistory_SummaryMark_SurvivesReopening()
    {
        using var temp = new TempStore();
        using (var store = temp.Open())
        {
            var history = new LiteDbSweepHistory(store);
            Assert.Null(await history.LastSummarizedAsync(CancellationToken.None));
            await history.MarkSummarizedAsync("s1", CancellationToken.None);
            await history.MarkSummarizedAsync("s2", CancellationToken.None);
        }

        using var reopened = temp.Open();

        Assert.Equal("s2", await new LiteDbSweepHistory(reopened).LastSummarizedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AuditLog_RequestSuppliedFieldsOfAMegabyte_StoredCutToTheCap()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var log = new LiteDbAuditLog(store);
        var huge = new string('n', 1024 * 1024);

        await log.AppendAsync(new AuditRecord
        {
            Time = Now, UserId = "29:u1", UserName = huge, ConversationId = huge, CommandText = huge, Action = "kill vmwp", Target = huge,
            Decision = AuditDecision.Refused, Outcome = huge, PendingId = huge,
        }, CancellationToken.None);

        var stored = Assert.Single(await log.LatestAsync(10, CancellationToken.None));
        Assert.All([stored.UserName, stored.ConversationId, stored.CommandText, stored.Target, stored.Outcome, stored.PendingId!], field =>
        {
            Assert.Equal(AuditRecord.MaxFieldLength, field.Length);
            Assert.EndsWith("…", field, StringComparison.Ordinal);
        });
        Assert.True(new FileInfo(store.FullPath).Length < 256 * 1024, $"the file is {new FileInfo(store.FullPath).Length} bytes");
    }
}
