using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Proactive;

/// <summary>
/// One queue per conversation that stays inside Teams' per-bot limits (by default 7 messages a
/// second, 60 per 30 seconds, 1,800 an hour): a send waits for its turn instead of being
/// throttled. Urgent sends (button-press results, confirmation cards) go ahead of every bulk send
/// waiting in the same conversation. The windows slide over the times of the sends themselves.
/// </summary>
internal sealed class ConversationThrottle(IOptions<ProactiveOptions> options, TimeProvider time) : IDisposable
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly ProactiveOptions _limits = options.Value;
    private readonly TimeProvider _time = time;
    private int _calls;

    /// <summary>Waits until the conversation may receive one more message.</summary>
    public async ValueTask WaitAsync(string conversationId, bool urgent, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Lane lane;
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(conversationId, out lane!))
            {
                lane = new Lane(this);
                _lanes.Add(conversationId, lane);
            }

            (urgent ? lane.Urgent : lane.Bulk).AddLast(waiter);
            lane.PumpLocked();
            if (++_calls % 1024 == 0)
            {
                ForgetIdleLocked();
            }
        }

        await using var cancel = cancellationToken.Register(() =>
        {
            lock (_lanes)
            {
                if (lane.Urgent.Remove(waiter) || lane.Bulk.Remove(waiter))
                {
                    waiter.TrySetCanceled(cancellationToken);
                }
            }
        });
        await waiter.Task;
    }

    /// <summary>Conversations with nothing waiting and no send in the last hour need no memory.</summary>
    private void ForgetIdleLocked()
    {
        var now = _time.GetUtcNow();
        foreach (var (conversation, lane) in _lanes.Where(l => l.Value.Idle(now)).ToList())
        {
            lane.Timer?.Dispose();
            _lanes.Remove(conversation);
        }
    }

    public void Dispose()
    {
        lock (_lanes)
        {
            foreach (var lane in _lanes.Values)
            {
                lane.Timer?.Dispose();
            }

            _lanes.Clear();
        }
    }

    /// <summary>The waiting sends of one conversation and the times of its recent sends (at most an hour's).</summary>
    private sealed class Lane(ConversationThrottle owner)
    {
        private readonly Queue<DateTimeOffset> _sent = new();

        public LinkedList<TaskCompletionSource> Urgent { get; } = new();

        public LinkedList<TaskCompletionSource> Bulk { get; } = new();

        public ITimer? Timer { get; set; }

        /// <summary>Lets through as many waiters as the windows allow, urgent first; otherwise wakes up when the next one may go.</summary>
        public void PumpLocked()
        {
            var now = owner._time.GetUtcNow();
            Idle(now);
            while (Urgent.Count + Bulk.Count > 0)
            {
                var wait = WaitBefore(now);
                if (wait > TimeSpan.Zero)
                {
                    Timer ??= owner._time.CreateTimer(_ => owner.Pump(this), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    Timer.Change(wait, Timeout.InfiniteTimeSpan);
                    return;
                }

                var next = Urgent.First ?? Bulk.First!;
                next.List!.Remove(next);
                _sent.Enqueue(now);
                next.Value.TrySetResult();
            }
        }

        public bool Idle(DateTimeOffset now)
        {
            while (_sent.TryPeek(out var oldest) && now - oldest >= TimeSpan.FromHours(1))
            {
                _sent.Dequeue();
            }

            return Urgent.Count + Bulk.Count == 0 && _sent.Count == 0;
        }

        /// <summary>How long until one more send fits every window.</summary>
        private TimeSpan WaitBefore(DateTimeOffset now)
        {
            var o = owner._limits;
            var longest = TimeSpan.Zero;
            foreach (var (permits, window) in (ReadOnlySpan<(int, TimeSpan)>)[(o.PerSecond, TimeSpan.FromSeconds(1)), (o.Per30Seconds, TimeSpan.FromSeconds(30)), (o.PerHour, TimeSpan.FromHours(1))])
            {
                var inWindow = _sent.Where(t => now - t < window).ToList();
                if (inWindow.Count >= permits)
                {
                    // The send that made the window full must leave it first.
                    var leaves = inWindow[inWindow.Count - permits] + window - now;
                    longest = leaves > longest ? leaves : longest;
                }
            }

            return longest;
        }
    }

    private void Pump(Lane lane)
    {
        lock (_lanes)
        {
            lane.PumpLocked();
        }
    }
}
