using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Turns;

/// <summary>
/// The work behind <c>/api/messages</c>, off the HTTP request. Turns are queued in lanes (one per
/// person in a conversation, see <see cref="TurnIntake"/>); each lane runs one turn at a time in
/// arrival order (button presses ahead of messages), at most
/// <see cref="TurnOptions.MaxConcurrentTurns"/> at once (<see cref="TurnSlots"/>), and one person
/// holds at most one of those at a time, however many threads they post in. What waits is bounded
/// in count per lane and in bytes overall (an activity counts until its turn is over). Stopping refuses
/// new turns and works off queued ones for <see cref="TurnOptions.DrainTimeout"/>; then it starts no more
/// (they are stored: the next start, or another instance, handles them) and lets the turns already
/// running, a safe action among them, finish within what is left of the host's shutdown timeout, which
/// covers the action's execute timeout; only then are they cancelled.
/// </summary>
internal sealed partial class TurnQueue(IOptions<TurnOptions> options, ILogger<TurnQueue> logger) : IHostedService, IDisposable
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _workers = [];
    private readonly TurnSlots _slots = new(options.Value.MaxConcurrentTurns);
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _drainOver = new();
    private long _queuedBytes;
    private bool _closed;

    /// <summary>Why a turn was not queued.</summary>
    public enum Refusal
    {
        /// <summary>Queued.</summary>
        None,

        /// <summary>The conversation already has <see cref="TurnOptions.MaxQueuedPerLane"/> turns waiting.</summary>
        Full,

        /// <summary>The activities waiting already hold <see cref="TurnOptions.MaxQueuedBytes"/>.</summary>
        TooMuchWaiting,

        /// <summary>The service is stopping.</summary>
        Stopping,
    }

    /// <summary>
    /// What an activity holds in memory while it waits, from the length of its text (UTF-8 bytes of its body,
    /// or characters of what is stored for it): its strings are UTF-16, two bytes a character.
    /// </summary>
    public static long HeldWhileWaiting(long textLength) => 2 * textLength;

    /// <summary>Whether an activity holding <paramref name="bytes"/> would still fit among those waiting (<see cref="TurnOptions.MaxQueuedBytes"/>).</summary>
    public bool HasRoomFor(long bytes) => Interlocked.Read(ref _queuedBytes) + bytes <= options.Value.MaxQueuedBytes;

    /// <summary>
    /// Takes room for an activity's <paramref name="bytes"/> among those waiting, before anything is stored
    /// for it, so that an activity refused for want of room costs no write. A press (<paramref name="urgent"/>)
    /// always gets room. Null when there is none. The room is given back when the room is disposed unless
    /// a turn was queued in it; then when that turn is over.
    /// </summary>
    public Room? TryTakeRoom(long bytes, bool urgent)
    {
        lock (_lanes)
        {
            if (!urgent && !HasRoomFor(bytes))
            {
                LogTooMuchWaiting(Interlocked.Read(ref _queuedBytes), options.Value.MaxQueuedBytes);
                return null;
            }

            Interlocked.Add(ref _queuedBytes, bytes);
            return new Room(this, bytes);
        }
    }

    /// <summary>
    /// Queues one turn of <paramref name="person"/> in a lane, in the <paramref name="room"/> taken for it;
    /// <paramref name="urgent"/> turns (button presses) go ahead of messages.
    /// </summary>
    public Refusal Enqueue(string lane, string person, bool urgent, Room room, Func<CancellationToken, Task> turn)
    {
        lock (_lanes)
        {
            if (_closed)
            {
                return Refusal.Stopping;
            }

            if (!_lanes.TryGetValue(lane, out var waiting))
            {
                waiting = new Lane();
                _lanes.Add(lane, waiting);
            }

            var queue = urgent ? waiting.Urgent : waiting.Normal;
            if (queue.Count >= options.Value.MaxQueuedPerLane)
            {
                LogFull(lane, queue.Count, urgent);
                return Refusal.Full;
            }

            queue.Enqueue(new Queued(turn, room.Keep()));
            if (!waiting.Working)
            {
                waiting.Working = true;
                var worker = Task.Run(() => WorkAsync(lane, person, waiting), CancellationToken.None);
                _workers.Add(worker);
                _ = worker.ContinueWith(done => Forget(done), TaskScheduler.Default);
            }

            return Refusal.None;
        }
    }

    /// <summary>Turns waiting or running, for readiness and tests.</summary>
    public int Pending
    {
        get
        {
            lock (_lanes)
            {
                return _lanes.Values.Sum(l => l.Urgent.Count + l.Normal.Count + (l.Working ? 1 : 0));
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] workers;
        lock (_lanes)
        {
            _closed = true;
            workers = [.. _workers];
        }

        if (workers.Length == 0)
        {
            return;
        }

        LogDraining(Pending, options.Value.DrainTimeout.TotalSeconds);
        var all = Task.WhenAll(workers);
        if (await Task.WhenAny(all, Task.Delay(options.Value.DrainTimeout, cancellationToken)) == all)
        {
            return;
        }

        await _drainOver.CancelAsync();
        LogLeftForLater(Pending);
        await Task.WhenAny(all, Task.Delay(Timeout.Infinite, cancellationToken));
        if (!all.IsCompleted)
        {
            LogDrainTimedOut(Pending);
            await _stopping.CancelAsync();
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _drainOver.Dispose();
    }

    private async Task WorkAsync(string name, string person, Lane lane)
    {
        while (true)
        {
            Queued? next;
            bool urgent;
            lock (_lanes)
            {
                if (_drainOver.IsCancellationRequested)
                {
                    // Stopping, and the drain is over: what waits is stored, and handled by the next process.
                    GiveBack(lane.Urgent.Concat(lane.Normal).Sum(q => q.Bytes));
                    lane.Urgent.Clear();
                    lane.Normal.Clear();
                }

                urgent = lane.Urgent.TryDequeue(out next);
                if (!urgent && !lane.Normal.TryDequeue(out next))
                {
                    lane.Working = false;
                    _lanes.Remove(name);
                    return;
                }
            }

            try
            {
                await _slots.EnterAsync(person, urgent, _drainOver.Token);
                try
                {
                    await next!.Turn(_stopping.Token);
                }
                finally
                {
                    _slots.Leave(person);
                }
            }
            catch (OperationCanceledException) when (_drainOver.IsCancellationRequested)
            {
                LogCancelled(name);
            }
            catch (Exception ex)
            {
                // A turn's own errors are the adapter's to answer; this is what escaped it (e.g. no connector client).
                LogTurnFailed(ex, name);
            }
            finally
            {
                // The activity is held until its turn is over, running included.
                GiveBack(next!.Bytes);
            }
        }
    }

    private void Forget(Task worker)
    {
        lock (_lanes)
        {
            _workers.Remove(worker);
        }
    }

    private void GiveBack(long bytes) => Interlocked.Add(ref _queuedBytes, -bytes);

    /// <summary>Room taken among the activities waiting (<see cref="TryTakeRoom"/>).</summary>
    public sealed class Room(TurnQueue queue, long bytes) : IDisposable
    {
        private int _settled;

        /// <summary>Gives the room back, unless a turn was queued in it.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _settled, 1) == 0)
            {
                queue.GiveBack(bytes);
            }
        }

        /// <summary>The room now belongs to a queued turn, which gives it back when it is over.</summary>
        internal long Keep() => Interlocked.Exchange(ref _settled, 1) == 0 ? bytes : throw new InvalidOperationException("This room was already given back or used.");
    }

    private sealed record Queued(Func<CancellationToken, Task> Turn, long Bytes);

    private sealed class Lane
    {
        public Queue<Queued> Urgent { get; } = new();

        public Queue<Queued> Normal { get; } = new();

        public bool Working { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The activities waiting hold {Bytes} bytes, {Limit} at most (ChatOps:Turns:MaxQueuedBytes); refused one more with 503")]
    private partial void LogTooMuchWaiting(long bytes, long limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lane {Lane} already has {Count} turns waiting (button presses: {Urgent}); refused one more")]
    private partial void LogFull(string lane, int count, bool urgent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: letting {Pending} turn(s) finish within {Seconds:N0} s")]
    private partial void LogDraining(int pending, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: the drain is over; turns not started are left for the next start or another instance, and {Pending} running turn(s) may finish within the shutdown timeout")]
    private partial void LogLeftForLater(int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: {Pending} turn(s) did not finish in time and were cancelled")]
    private partial void LogDrainTimedOut(int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn in lane {Lane} was cancelled by the service stopping")]
    private partial void LogCancelled(string lane);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn in lane {Lane} failed outside the bot")]
    private partial void LogTurnFailed(Exception exception, string lane);
}
