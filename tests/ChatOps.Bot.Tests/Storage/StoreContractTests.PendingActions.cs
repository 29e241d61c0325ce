using ChatOps.Commands.Actions;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>The contract of <see cref="IPendingActions"/> on each provider.</summary>
public sealed partial class StoreContractTests
{
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

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PendingActions_TransitionTwice_OnlyFirstWins(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        await state.Pending.AddAsync(Pending("p1"), CancellationToken.None);
        var running = Pending("p1") with { State = PendingActionState.Running };

        var first = await state.Pending.TryStartAsync("p1", PendingActionState.AwaitingConfirmation, running, TimeSpan.FromMinutes(1), CancellationToken.None);
        var second = await state.Pending.TryStartAsync("p1", PendingActionState.AwaitingConfirmation, running, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(first, await state.Pending.GetAsync("p1", CancellationToken.None), PendingEquality.Instance);
        Assert.Null(await state.Pending.GetAsync("nope", CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PendingActions_ConcurrentConfirms_ExactlyOneWins(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        await state.Pending.AddAsync(Pending("p2"), CancellationToken.None);
        var running = Pending("p2") with { State = PendingActionState.Running };

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            state.Pending.TryStartAsync("p2", PendingActionState.AwaitingConfirmation, running, TimeSpan.FromMinutes(1), CancellationToken.None))));

        Assert.Single(results, r => r is not null);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PendingActions_RunningHere_IsNotOrphanedUntilThisProcessIsGone(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        await state.Pending.AddAsync(Pending("p3"), CancellationToken.None);
        await state.Pending.AddAsync(Pending("p4"), CancellationToken.None);
        await state.Pending.TryStartAsync("p3", PendingActionState.AwaitingConfirmation, Pending("p3") with { State = PendingActionState.Running }, TimeSpan.Zero, CancellationToken.None);

        Assert.Empty(await state.Pending.ListOrphanedAsync(TimeSpan.Zero, CancellationToken.None));
        await state.RestartAsync();

        var orphan = Assert.Single(await state.Pending.ListOrphanedAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal("p3", orphan.Id);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PendingActions_Started_OwnedByThisInstanceUntilItsDeadline_ThenByNobody(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        await state.Pending.AddAsync(Pending("live"), CancellationToken.None);
        await state.Pending.AddAsync(Pending("late"), CancellationToken.None);
        var live = await state.Pending.TryStartAsync("live", PendingActionState.AwaitingConfirmation, Pending("live") with { State = PendingActionState.Running }, TimeSpan.FromMinutes(1), CancellationToken.None);
        await state.Pending.TryStartAsync("late", PendingActionState.AwaitingConfirmation, Pending("late") with { State = PendingActionState.Running }, TimeSpan.Zero, CancellationToken.None);

        // The deadline is the store's clock plus the timeout, and reads back as it was handed out.
        Assert.InRange(live!.ExecuteBy!.Value, DateTimeOffset.UtcNow.AddSeconds(50), DateTimeOffset.UtcNow.AddSeconds(70));
        Assert.Equal(live.ExecuteBy, (await state.Pending.GetAsync("live", CancellationToken.None))!.ExecuteBy);
        Assert.True(await state.Pending.StillOwnsAsync("live", CancellationToken.None));
        Assert.False(await state.Pending.StillOwnsAsync("late", CancellationToken.None));
        Assert.False(await state.Pending.StillOwnsAsync("nope", CancellationToken.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = state.Pending.TryTransitionAsync("live", PendingActionState.Running, live, CancellationToken.None); });

        // Another process is not its owner, even before it writes it off.
        await state.RestartAsync();
        Assert.False(await state.Pending.StillOwnsAsync("live", CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PendingActions_ListWaiting_OnlyThoseAwaitingADecisionOldestFirst(string provider)
    {
        await using var state = await StateUnderTest.OpenAsync(provider);
        await AddInAsync(state, Pending("newest") with { CreatedAt = Now.AddMinutes(3) });
        await AddInAsync(state, Pending("oldest"));
        await AddInAsync(state, Pending("approval") with { CreatedAt = Now.AddMinutes(1) }, PendingActionState.AwaitingApproval);
        await AddInAsync(state, Pending("running") with { CreatedAt = Now.AddMinutes(-1) }, PendingActionState.Running);
        await AddInAsync(state, Pending("cancelled") with { CreatedAt = Now.AddMinutes(-2) }, PendingActionState.Cancelled);
        await AddInAsync(state, Pending("expired") with { CreatedAt = Now.AddMinutes(-3) }, PendingActionState.Expired);

        await state.RestartAsync();
        var waiting = await state.Pending.ListWaitingAsync(CancellationToken.None);

        Assert.Equal(["oldest", "approval", "newest"], waiting.Select(a => a.Id));
        Assert.Equal(PendingActionState.AwaitingApproval, waiting[1].State);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PendingActions_ListExpired_OnlyWaitingOnesPastTheirWindowOldestFirst(string provider)
    {
        // PostgreSQL judges by its own clock, which is the real one: the windows are set around the present.
        await using var state = await StateUnderTest.OpenAsync(provider);
        var now = DateTimeOffset.UtcNow;
        PendingAction Opened(string id, int minutesAgo, int closesInMinutes) =>
            Pending(id) with { CreatedAt = now.AddMinutes(-minutesAgo), ExpiresAt = now.AddMinutes(closesInMinutes) };
        await AddInAsync(state, Opened("closed-later", 5, -1));
        await AddInAsync(state, Opened("closed-first", 10, -5));
        await AddInAsync(state, Opened("approval-closed", 8, -2), PendingActionState.AwaitingApproval);
        await AddInAsync(state, Opened("open", 9, 10));
        await AddInAsync(state, Opened("ran", 12, -8), PendingActionState.Done);
        // Confirmed after its first window closed: the approval's new window is the one that counts.
        await state.Pending.AddAsync(Opened("extended", 11, -6), CancellationToken.None);
        await state.Pending.TryTransitionAsync("extended", PendingActionState.AwaitingConfirmation,
            Opened("extended", 11, 10) with { State = PendingActionState.AwaitingApproval }, CancellationToken.None);

        var expired = await state.Pending.ListExpiredAsync(CancellationToken.None);

        Assert.Equal(["closed-first", "approval-closed", "closed-later"], expired.Select(a => a.Id));
        // Listing them changes nothing: they wait until the service moves them to Expired.
        Assert.Equal(["extended", "closed-first", "open", "approval-closed", "closed-later"],
            (await state.Pending.ListWaitingAsync(CancellationToken.None)).Select(a => a.Id));
    }

    /// <summary>Stores the action and, when asked, moves it on to <paramref name="then"/> as the service would.</summary>
    private static async Task AddInAsync(StateUnderTest state, PendingAction action, PendingActionState? then = null)
    {
        await state.Pending.AddAsync(action, CancellationToken.None);
        if (then is { } next)
        {
            Assert.True(next == PendingActionState.Running
                ? await state.Pending.TryStartAsync(action.Id, action.State, action with { State = next }, TimeSpan.FromMinutes(1), CancellationToken.None) is not null
                : await state.Pending.TryTransitionAsync(action.Id, action.State, action with { State = next }, CancellationToken.None));
        }
    }

    /// <summary>Records with arrays compare them by reference: this compares what is stored.</summary>
    private sealed class PendingEquality : IEqualityComparer<PendingAction?>
    {
        public static readonly PendingEquality Instance = new();

        public bool Equals(PendingAction? x, PendingAction? y) =>
            x is not null && y is not null && System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(PendingAction? obj) => 0;
    }
}
