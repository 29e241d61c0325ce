using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Proactive;

/// <summary>
/// One queue per conversation that stays inside Teams' per-bot limits (by default 7 messages a
/// second, 60 per 30 seconds, 1,800 an hour): a send waits for its turn instead of being throttled.
/// </summary>
internal sealed class ConversationThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ConversationThrottle(IOptions<ProactiveOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            Window(o.PerSecond, TimeSpan.FromSeconds(1), 10),
            Window(o.Per30Seconds, TimeSpan.FromSeconds(30), 30),
            Window(o.PerHour, TimeSpan.FromHours(1), 60));
    }

    /// <summary>Waits until the conversation may receive one more message.</summary>
    public async ValueTask WaitAsync(string conversationId, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(conversationId, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException($"The send queue for conversation {conversationId} is full.");
        }
    }

    public void Dispose() => _limiter.Dispose();

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window, int segments) =>
        PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetSlidingWindowLimiter(conversation, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = segments,
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
}
