using ChatOps.Bot.Storage;
using ChatOps.Commands.Actions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>What only the LiteDB store decides itself: expiry by the clock it is given, as the confirmations judge it.</summary>
public sealed class LiteDbPendingActionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListExpired_ByTheStoresClock_ExpiredOnlyOnceItsWindowHasPassed()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var clock = new FakeTimeProvider(Now);
        var pending = new LiteDbPendingActions(store, clock);
        await pending.AddAsync(new PendingAction
        {
            Id = "p1", Nonce = "n", Action = "kill clussvc", Target = "HV04", RequesterId = "aad:x", RequesterName = "Dana",
            ConversationId = "c1", CommandText = "kill clussvc HV04", CreatedAt = Now, ExpiresAt = Now.AddMinutes(2),
        }, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(2));
        var atTheEnd = await pending.ListExpiredAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromTicks(1));
        var past = await pending.ListExpiredAsync(CancellationToken.None);

        // At ExpiresAt itself the buttons still work (the decision rules refuse only after it).
        Assert.Empty(atTheEnd);
        Assert.Equal("p1", Assert.Single(past).Id);
    }
}
