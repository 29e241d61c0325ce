using ChatOps.Bot.Turns;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Actions.Approvals;
using ChatOps.Commands.Subscriptions;
using ChatOps.Commands.Sweeps;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>The contract of the state ports, the same tests on each provider (<see cref="StateUnderTest"/>).</summary>
public sealed partial class StoreContractTests
{
    public static TheoryData<string> Providers => [StateUnderTest.LiteDb, StateUnderTest.PostgreSql];

    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AuditLog_AppendThenReopen_KeepsRecordsInOrder(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        for (var i = 0; i < 3; i++)
        {
            await state.Audit.AppendAsync(new AuditRecord
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

        await state.RestartAsync();
        var latest = await state.Audit.LatestAsync(2, CancellationToken.None);
        var all = new List<AuditRecord>();
        await foreach (var record in state.Audit.AllAsync(CancellationToken.None))
        {
            all.Add(record);
        }

        Assert.Equal(["NODE2", "NODE1"], latest.Select(r => r.Target));
        Assert.Equal(Now.AddSeconds(2), latest[0].Time);
        Assert.Equal(AuditDecision.Requested, latest[0].Decision);
        Assert.Equal(["NODE0", "NODE1", "NODE2"], all.Select(r => r.Target));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ProcessedActivities_FinishedIdAfterRestart_IsNotClaimedAgainAndKeepsItsAnswer(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        Assert.True((await state.Processed.TryClaimAsync("a1", Now, null, CancellationToken.None)).Claimed);
        await state.Processed.FinishAsync("a1", new StoredAnswer(200, "{\"statusCode\":200}"), CancellationToken.None);

        await state.RestartAsync();

        var again = await state.Processed.TryClaimAsync("a1", Now, null, CancellationToken.None);
        Assert.False(again.Claimed);
        Assert.True(again.Finished);
        Assert.Equal(200, again.Answer?.Status);
        Assert.Equal("{\"statusCode\":200}", again.Answer?.Body);
        Assert.True((await state.Processed.TryClaimAsync("a2", Now, null, CancellationToken.None)).Claimed);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ProcessedActivities_ClaimedButUnfinished_SameProcessRefusesAndTheNextProcessTakesItOver(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        Assert.True((await state.Processed.TryClaimAsync("a1", Now, null, CancellationToken.None)).Claimed);
        var redelivered = await state.Processed.TryClaimAsync("a1", Now, null, CancellationToken.None);
        Assert.False(redelivered.Claimed);
        Assert.False(redelivered.Finished);

        // The process stopped before finishing: a redelivery to the next one is handled.
        await state.RestartAsync();

        Assert.True((await state.Processed.TryClaimAsync("a1", Now, null, CancellationToken.None)).Claimed);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ProcessedActivities_ManyConcurrentClaims_EachIdClaimedOnceAndKeptAfterReopening(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        // 200 ids, each claimed by four requests at once: each id goes to exactly one. Twice as many claims run at
        // once as the intake ever lets through (ActivityClaims.MaxClaimsAtOnce); 800 at once only measured how fast
        // this machine opens a hundred connections.
        var claimed = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, 800),
            new ParallelOptions { MaxDegreeOfParallelism = 2 * ActivityClaims.MaxClaimsAtOnce },
            async (i, ct) =>
            {
                if ((await state.Processed.TryClaimAsync($"id-{i / 4}", Now, null, ct)).Claimed)
                {
                    Interlocked.Increment(ref claimed);
                }
            });
        Assert.Equal(200, claimed);

        await state.RestartAsync();
        await state.Processed.FinishAsync("id-0", null, CancellationToken.None);

        Assert.False((await state.Processed.TryClaimAsync("id-0", Now, null, CancellationToken.None)).Claimed);
        Assert.True((await state.Processed.TryClaimAsync("id-200", Now, null, CancellationToken.None)).Claimed);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ProcessedActivities_StoredWithTheClaimAndUnfinished_IsTakenOverOnceByTheNextProcess(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        Assert.True((await state.Processed.TryClaimAsync("b", Now.AddSeconds(2), "second", CancellationToken.None)).Claimed);
        Assert.True((await state.Processed.TryClaimAsync("a", Now.AddSeconds(1), "first", CancellationToken.None)).Claimed);
        Assert.True((await state.Processed.TryClaimAsync("done", Now, "answered", CancellationToken.None)).Claimed);
        Assert.True((await state.Processed.TryClaimAsync("no-copy", Now, null, CancellationToken.None)).Claimed);
        await state.Processed.FinishAsync("done", null, CancellationToken.None);

        // Its own process is alive and working on them: nothing is abandoned.
        Assert.Empty(await state.Processed.TakeOverAbandonedAsync(10, CancellationToken.None));

        await state.RestartAsync();
        var taken = await state.Processed.TakeOverAbandonedAsync(10, CancellationToken.None);
        Assert.Equal(["first", "second"], taken.Select(t => t.Stored));
        Assert.All(taken, t => Assert.Equal(2, t.Attempts));
        Assert.Equal(Now.AddSeconds(1), taken[0].ReceivedAt);
        Assert.Empty(await state.Processed.TakeOverAbandonedAsync(10, CancellationToken.None));

        // Taken over, it is this process's: a redelivery is not handled beside it.
        Assert.False((await state.Processed.TryClaimAsync("a", Now, "first", CancellationToken.None)).Claimed);
        await state.Processed.FinishAsync(taken[0].Key, null, CancellationToken.None);
        await state.RestartAsync();
        Assert.Equal(["second"], (await state.Processed.TakeOverAbandonedAsync(10, CancellationToken.None)).Select(t => t.Stored));
        Assert.False((await state.Processed.TryClaimAsync("done", Now, "answered", CancellationToken.None)).Claimed);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ProcessedActivities_TakenOver_AtMostTheNumberAskedForOldestFirst(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        for (var i = 0; i < 5; i++)
        {
            await state.Processed.TryClaimAsync($"m{i}", Now.AddSeconds(i), $"copy {i}", CancellationToken.None);
        }

        await state.RestartAsync();
        Assert.Equal(["copy 0", "copy 1"], (await state.Processed.TakeOverAbandonedAsync(2, CancellationToken.None)).Select(t => t.Stored));
        Assert.Equal(["copy 2", "copy 3", "copy 4"], (await state.Processed.TakeOverAbandonedAsync(10, CancellationToken.None)).Select(t => t.Stored));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ProcessedActivities_Released_IsClaimedAgain(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        await state.Processed.TryClaimAsync("a1", Now, null, CancellationToken.None);

        await state.Processed.ReleaseAsync("a1", CancellationToken.None);

        Assert.True((await state.Processed.TryClaimAsync("a1", Now, null, CancellationToken.None)).Claimed);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ProcessedActivities_AnIdOf100KbWithControlCharacters_IsClaimedOnce(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        var hostile = "x\u0001'; DROP TABLE t; --" + new string('é', 50_000);

        Assert.True((await state.Processed.TryClaimAsync(hostile, Now, null, CancellationToken.None)).Claimed);
        Assert.False((await state.Processed.TryClaimAsync(hostile, Now, null, CancellationToken.None)).Claimed);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SweepHistory_StoreFindPrune_ByTime(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        for (var day = 0; day < 5; day++)
        {
            await state.Sweeps.AddAsync(new SweepRecord
            {
                Id = $"s{day}",
                Time = Now.AddDays(day),
                Nodes = [new NodeSweep("N1", new Dictionary<string, string> { ["driver:MPIO"] = $"1.{day}" })],
                Findings = [new SweepFinding("driver-parity", "N1", "Medium", "MPIO differs", "driver-parity-across-nodes")],
            }, CancellationToken.None);
        }

        var before = await state.Sweeps.AtOrBeforeAsync(Now.AddDays(2.5), CancellationToken.None);
        var byId = await state.Sweeps.GetAsync("s3", CancellationToken.None);
        var pruned = await state.Sweeps.PruneAsync(Now.AddDays(2), CancellationToken.None);
        var latest = await state.Sweeps.LatestAsync(10, CancellationToken.None);

        Assert.Equal("s2", before!.Id);
        Assert.Equal("1.2", before.Nodes[0].Components["driver:MPIO"]);
        Assert.Equal(Now.AddDays(3), byId!.Time);
        Assert.Equal("MPIO differs", Assert.Single(byId.Findings).Evidence);
        Assert.Equal(2, pruned);
        Assert.Equal(["s4", "s3", "s2"], latest.Select(s => s.Id));
        Assert.Null(await state.Sweeps.AtOrBeforeAsync(Now.AddDays(-1), CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SweepHistory_SummaryMark_SurvivesReopening(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        Assert.Null(await state.Sweeps.LastSummarizedAsync(CancellationToken.None));
        await state.Sweeps.MarkSummarizedAsync("s1", CancellationToken.None);
        await state.Sweeps.MarkSummarizedAsync("s2", CancellationToken.None);

        await state.RestartAsync();

        Assert.Equal("s2", await state.Sweeps.LastSummarizedAsync(CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Subscriptions_AddRefreshRemove_ByConversationAndTopic(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        var channel = new Subscription("19:ops@thread.tacv2", "summary", "{\"address\":1}", "Dana", Now);

        Assert.True(await state.Subscriptions.AddAsync(channel, CancellationToken.None));
        Assert.False(await state.Subscriptions.AddAsync(channel with { Address = "{\"address\":2}" }, CancellationToken.None));
        Assert.True(await state.Subscriptions.AddAsync(channel with { Topic = "sweep" }, CancellationToken.None));
        await state.RestartAsync();

        Assert.Equal("{\"address\":2}", Assert.Single(await state.Subscriptions.ListAsync("summary", CancellationToken.None)).Address);
        Assert.Equal(2, (await state.Subscriptions.ListAsync(null, CancellationToken.None)).Count);
        Assert.True(await state.Subscriptions.RemoveAsync(channel.ConversationId, "summary", CancellationToken.None));
        Assert.False(await state.Subscriptions.RemoveAsync(channel.ConversationId, "summary", CancellationToken.None));
        Assert.Equal("sweep", Assert.Single(await state.Subscriptions.ListAsync(null, CancellationToken.None)).Topic);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PersonalChats_RememberRefreshFind_TheLatestSeenWinsAndSurvivesARestart(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        var first = new PersonalChat("aad:0c6a2b1e", "29:u1", "Dana Admin", "a:1dana", "{\"address\":1}", "tenant-1", Now);
        var refreshed = first with { Name = "Dana A.", ConversationId = "a:2dana", Address = "{\"address\":2}", Since = Now.AddHours(1) };

        await state.PersonalChats.RememberAsync(first, CancellationToken.None);
        await state.PersonalChats.RememberAsync(refreshed, CancellationToken.None);
        // Seen in between but written last (a slow instance): the later sighting stays.
        await state.PersonalChats.RememberAsync(first with { Since = Now.AddMinutes(30) }, CancellationToken.None);
        await state.PersonalChats.RememberAsync(new PersonalChat("id:29:u2", "29:u2", "Sam", "a:1sam", "{}", null, Now), CancellationToken.None);
        await state.RestartAsync();

        Assert.Equal(refreshed, await state.PersonalChats.FindAsync("aad:0c6a2b1e", CancellationToken.None));
        var sam = await state.PersonalChats.FindAsync("id:29:u2", CancellationToken.None);
        Assert.Equal(("Sam", "a:1sam", null), (sam?.Name, sam?.ConversationId, sam?.TenantId));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PersonalChats_UnknownPerson_IsNull(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        await state.PersonalChats.RememberAsync(new PersonalChat("aad:0c6a2b1e", "29:u1", "Dana", "a:1dana", "{}", "tenant-1", Now), CancellationToken.None);

        Assert.Null(await state.PersonalChats.FindAsync("aad:someone-else", CancellationToken.None));
        Assert.Null(await state.PersonalChats.FindAsync("29:u1", CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AuditLog_RequestSuppliedFieldsOfAMegabyte_StoredCutToTheCap(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        var huge = "\u0000" + new string('n', 1024 * 1024);

        await state.Audit.AppendAsync(new AuditRecord
        {
            Time = Now, UserId = "29:u1", UserName = huge, ConversationId = huge, CommandText = huge, Action = "kill vmwp", Target = huge,
            Decision = AuditDecision.Refused, Outcome = huge, PendingId = huge,
        }, CancellationToken.None);

        var stored = Assert.Single(await state.Audit.LatestAsync(10, CancellationToken.None));
        Assert.All([stored.UserName, stored.ConversationId, stored.CommandText, stored.Target, stored.Outcome, stored.PendingId!], field =>
        {
            Assert.Equal(AuditRecord.MaxFieldLength, field.Length);
            Assert.EndsWith("…", field, StringComparison.Ordinal);
        });
        if (state.LiteDbFile is { } file)
        {
            Assert.True(new FileInfo(file.FullPath).Length < 256 * 1024, $"the file is {new FileInfo(file.FullPath).Length} bytes");
        }
    }
}
