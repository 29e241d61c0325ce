using ChatOps.Bot.Proactive;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Proactive;

public sealed class ConversationThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SevenASecond_TheEighthWaitsForTheWindowToSlide()
    {
        using var throttle = Throttle();
        var sends = Enumerable.Range(0, 8).Select(_ => throttle.WaitAsync("c1", urgent: false, CancellationToken.None).AsTask()).ToList();
        await Task.Delay(50);

        Assert.Equal(7, sends.Count(s => s.IsCompleted));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await sends[7].WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SixtyPer30Seconds_Holds()
    {
        using var throttle = Throttle(new ProactiveOptions { PerSecond = 100 });
        var sends = Enumerable.Range(0, 61).Select(_ => throttle.WaitAsync("c1", urgent: false, CancellationToken.None).AsTask()).ToList();
        await Task.Delay(50);
        Assert.Equal(60, sends.Count(s => s.IsCompleted));

        _clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.False(sends[60].IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await sends[60].WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SaturatedConversation_AnUrgentSendGoesAheadOfBulkAlreadyWaiting()
    {
        using var throttle = Throttle(new ProactiveOptions { PerSecond = 1 });
        await throttle.WaitAsync("c1", urgent: false, CancellationToken.None);
        var bulk = Enumerable.Range(0, 20).Select(_ => throttle.WaitAsync("c1", urgent: false, CancellationToken.None).AsTask()).ToList();
        var urgent = throttle.WaitAsync("c1", urgent: true, CancellationToken.None).AsTask();

        _clock.Advance(TimeSpan.FromSeconds(1));
        await urgent.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(50);

        Assert.All(bulk, b => Assert.False(b.IsCompleted));
    }

    [Fact]
    public async Task Conversations_AreLimitedSeparately()
    {
        using var throttle = Throttle(new ProactiveOptions { PerSecond = 1 });
        await throttle.WaitAsync("c1", urgent: false, CancellationToken.None);

        await throttle.WaitAsync("c2", urgent: false, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task CancelledWait_LeavesTheQueueAndDoesNotUseAPermit()
    {
        using var throttle = Throttle(new ProactiveOptions { PerSecond = 1 });
        await throttle.WaitAsync("c1", urgent: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = throttle.WaitAsync("c1", urgent: false, cancel.Token).AsTask();
        var after = throttle.WaitAsync("c1", urgent: false, CancellationToken.None).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await after.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private ConversationThrottle Throttle(ProactiveOptions? options = null) => new(Options.Create(options ?? new ProactiveOptions()), _clock);
}
