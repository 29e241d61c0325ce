using ChatOps.Bot.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Turns;

public sealed class TurnQueueTests
{
    [Fact]
    public async Task OneConversation_TurnsRunOneAtATimeInArrivalOrder()
    {
        using var queue = Queue();
        var ran = new List<int>();
        var running = 0;
        var overlapped = false;
        var done = new TaskCompletionSource();
        for (var i = 0; i < 20; i++)
        {
            var n = i;
            Assert.Equal(TurnQueue.Refusal.None, Enqueue(queue, "c1", "c1", urgent: false, 0, async _ =>
            {
                overlapped |= Interlocked.Increment(ref running) > 1;
                await Task.Delay(2);
                lock (ran)
                {
                    ran.Add(n);
                }

                Interlocked.Decrement(ref running);
                if (n == 19)
                {
                    done.SetResult();
                }
            }));
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(overlapped);
        Assert.Equal(Enumerable.Range(0, 20), ran);
    }

    [Fact]
    public async Task ButtonPress_GoesAheadOfMessagesAlreadyWaiting()
    {
        using var queue = Queue();
        var gate = new TaskCompletionSource();
        var order = new List<string>();
        Enqueue(queue, "c1", "c1", urgent: false, 0, _ => gate.Task);
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            Enqueue(queue, "c1", "c1", urgent: false, 0, _ => Record(order, $"message {n}"));
        }

        Enqueue(queue, "c1", "c1", urgent: true, 0, _ => Record(order, "press"));
        gate.SetResult();
        await WaitUntilAsync(() => queue.Pending == 0);

        Assert.Equal("press", order[0]);
    }

    [Fact]
    public async Task OneConversationFlooded_OthersAreNotHeldBehindIt()
    {
        using var queue = Queue();
        var blocked = new TaskCompletionSource();
        for (var i = 0; i < 10; i++)
        {
            Enqueue(queue, "flooded", "flooded", urgent: false, 0, _ => blocked.Task);
        }

        var other = new TaskCompletionSource();
        Enqueue(queue, "quiet", "quiet", urgent: false, 0, _ =>
        {
            other.SetResult();
            return Task.CompletedTask;
        });

        await other.Task.WaitAsync(TimeSpan.FromSeconds(5));
        blocked.SetResult();
    }

    [Fact]
    public async Task ConversationFull_RefusedWithoutTouchingOthers()
    {
        using var queue = Queue(new TurnOptions { MaxQueuedPerLane = 3 });
        var blocked = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        Enqueue(queue, "c1", "c1", urgent: false, 0, _ =>
        {
            started.SetResult();
            return blocked.Task;
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var results = Enumerable.Range(0, 5).Select(_ => Enqueue(queue, "c1", "c1", urgent: false, 0, _ => blocked.Task)).ToList();

        // One runs, three wait, the rest are refused.
        Assert.Equal(3, results.Count(r => r == TurnQueue.Refusal.None));
        Assert.Equal(TurnQueue.Refusal.Full, results[^1]);
        Assert.Equal(TurnQueue.Refusal.None, Enqueue(queue, "c2", "c2", urgent: false, 0, _ => Task.CompletedTask));
        Assert.Equal(TurnQueue.Refusal.None, Enqueue(queue, "c1", "c1", urgent: true, 0, _ => Task.CompletedTask));
        blocked.SetResult();
    }

    [Fact]
    public async Task Stop_LetsQueuedTurnsFinishAndRefusesNewOnes()
    {
        using var queue = Queue();
        var finished = 0;
        for (var i = 0; i < 5; i++)
        {
            Enqueue(queue, "c1", "c1", urgent: false, 0, async _ =>
            {
                await Task.Delay(50);
                Interlocked.Increment(ref finished);
            });
        }

        await queue.StopAsync(CancellationToken.None);

        Assert.Equal(5, finished);
        Assert.Equal(TurnQueue.Refusal.Stopping, Enqueue(queue, "c1", "c1", urgent: false, 0, _ => Task.CompletedTask));
    }

    [Fact]
    public async Task Stop_PastTheDrainDeadline_StartsNothingMoreAndLetsTheRunningTurnFinish()
    {
        using var queue = Queue(new TurnOptions { DrainTimeout = TimeSpan.FromMilliseconds(200) });
        var finished = false;
        var started = new TaskCompletionSource();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var laterStarted = false;
        Enqueue(queue, "c1", "c1", urgent: false, 0, async token =>
        {
            started.SetResult();
            // Longer than the drain, counted from the stop (a loaded machine may call it late): a safe
            // action under its own execute timeout.
            await stopping.Task;
            await Task.Delay(TimeSpan.FromSeconds(1), token);
            finished = true;
        });
        Enqueue(queue, "c1", "c1", urgent: false, 0, _ =>
        {
            laterStarted = true;
            return Task.CompletedTask;
        });
        await started.Task;

        var stop = queue.StopAsync(CancellationToken.None);
        stopping.SetResult();
        await stop;

        Assert.True(finished);
        // Stored, it is the next process's to handle.
        Assert.False(laterStarted);
        Assert.Equal(0, queue.Pending);
    }

    [Fact]
    public async Task Stop_PastTheHostsShutdownTimeout_CancelsTheRunningTurn()
    {
        using var queue = Queue(new TurnOptions { DrainTimeout = TimeSpan.FromMilliseconds(200) });
        var cancelled = new TaskCompletionSource();
        Enqueue(queue, "c1", "c1", urgent: false, 0, async token =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
                throw;
            }
        });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await queue.StopAsync(shutdownTimeout.Token);

        Assert.True(cancelled.Task.IsCompleted);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task TurnThatThrows_DoesNotStopTheConversation()
    {
        using var queue = Queue();
        var next = new TaskCompletionSource();
        Enqueue(queue, "c1", "c1", urgent: false, 0, _ => throw new InvalidOperationException("boom"));
        Enqueue(queue, "c1", "c1", urgent: false, 0, _ =>
        {
            next.SetResult();
            return Task.CompletedTask;
        });

        await next.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task OnePersonFloodingTwelveThreads_HoldsOneSlot_AndAnotherPersonIsNotHeldBehindThem()
    {
        using var queue = Queue(new TurnOptions { MaxConcurrentTurns = 4 });
        var blocked = new TaskCompletionSource();
        var running = 0;
        var most = 0;
        for (var thread = 0; thread < 12; thread++)
        {
            for (var i = 0; i < 5; i++)
            {
                Enqueue(queue, $"thread-{thread}|reader", "reader", urgent: false, 0, async _ =>
                {
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref most, now);
                    await blocked.Task;
                    Interlocked.Decrement(ref running);
                });
            }
        }

        var admin = new TaskCompletionSource();
        Enqueue(queue, "thread-0|admin", "admin", urgent: false, 0, _ =>
        {
            admin.SetResult();
            return Task.CompletedTask;
        });

        await admin.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(100);
        Assert.Equal(1, Volatile.Read(ref most));
        blocked.SetResult();
        await WaitUntilAsync(() => queue.Pending == 0);
        Assert.Equal(1, Volatile.Read(ref most));
    }

    [Fact]
    public async Task APersonsPress_GoesAheadOfTheirOwnMessagesInOtherThreads()
    {
        using var queue = Queue(new TurnOptions { MaxConcurrentTurns = 4 });
        var gate = new TaskCompletionSource();
        var holding = new TaskCompletionSource();
        var order = new List<string>();
        Enqueue(queue, "thread-0|dana", "dana", urgent: false, 0, _ =>
        {
            holding.SetResult();
            return gate.Task;
        });

        // Dana's slot is held before her other threads' turns ask for it (their workers could start first on a busy machine).
        await holding.Task;
        for (var thread = 1; thread < 6; thread++)
        {
            var n = thread;
            Enqueue(queue, $"thread-{n}|dana", "dana", urgent: false, 0, _ => Record(order, $"message {n}"));
        }

        await Task.Delay(100);
        Enqueue(queue, "thread-9|dana", "dana", urgent: true, 0, _ => Record(order, "press"));
        await Task.Delay(100);
        gate.SetResult();
        await WaitUntilAsync(() => queue.Pending == 0);

        Assert.Equal("press", order[0]);
    }

    [Fact]
    public void MessagesPastTheByteBound_Refused_PressesStillQueued()
    {
        using var queue = Queue(new TurnOptions { MaxQueuedBytes = 1024 * 1024 });
        var blocked = new TaskCompletionSource();
        var results = Enumerable.Range(0, 5).Select(i => Enqueue(queue, $"c{i}", $"p{i}", urgent: false, 300 * 1024, _ => blocked.Task)).ToList();

        Assert.Equal([TurnQueue.Refusal.None, TurnQueue.Refusal.None, TurnQueue.Refusal.None, TurnQueue.Refusal.TooMuchWaiting, TurnQueue.Refusal.TooMuchWaiting], results);
        Assert.Equal(TurnQueue.Refusal.None, Enqueue(queue, "c9", "p9", urgent: true, 300 * 1024, _ => Task.CompletedTask));
        blocked.SetResult();
    }

    [Fact]
    public async Task Room_GivenBackWhenTheTurnIsRefusedOrOver_NotBefore()
    {
        using var queue = Queue(new TurnOptions { MaxQueuedBytes = 1024 * 1024, MaxQueuedPerLane = 1 });
        var started = new TaskCompletionSource();
        var gate = new TaskCompletionSource();
        var done = new TaskCompletionSource();
        Assert.Equal(TurnQueue.Refusal.None, Enqueue(queue, "c1", "p1", urgent: false, 400 * 1024, async _ =>
        {
            started.SetResult();
            await gate.Task;
            done.SetResult();
        }));
        await started.Task;
        Assert.Equal(TurnQueue.Refusal.None, Enqueue(queue, "c1", "p1", urgent: false, 400 * 1024, _ => Task.CompletedTask));

        // The lane is full: the third is refused and its room given back at once.
        Assert.Equal(TurnQueue.Refusal.Full, Enqueue(queue, "c1", "p1", urgent: false, 200 * 1024, _ => Task.CompletedTask));
        Assert.True(queue.HasRoomFor(200 * 1024));
        Assert.False(queue.HasRoomFor(300 * 1024));

        // A running turn still holds its activity; when both are over, all the room is back.
        gate.SetResult();
        await done.Task;
        await WaitUntilAsync(() => queue.Pending == 0);
        Assert.True(queue.HasRoomFor(1024 * 1024));
    }

    [Fact]
    public void Room_UsedOnce()
    {
        using var queue = Queue();
        using var room = queue.TryTakeRoom(10, urgent: false)!;
        Assert.Equal(TurnQueue.Refusal.None, queue.Enqueue("c1", "p1", urgent: false, room, _ => Task.CompletedTask));
        Assert.Throws<InvalidOperationException>(() => queue.Enqueue("c1", "p1", urgent: false, room, _ => Task.CompletedTask));
    }

    /// <summary>Takes room, then queues in it, as the intake does.</summary>
    private static TurnQueue.Refusal Enqueue(TurnQueue queue, string lane, string person, bool urgent, long bytes, Func<CancellationToken, Task> turn)
    {
        using var room = queue.TryTakeRoom(bytes, urgent);
        return room is null ? TurnQueue.Refusal.TooMuchWaiting : queue.Enqueue(lane, person, urgent, room, turn);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    private static TurnQueue Queue(TurnOptions? options = null) => new(Options.Create(options ?? new TurnOptions()), NullLogger<TurnQueue>.Instance);

    private static Task Record(List<string> order, string what)
    {
        lock (order)
        {
            order.Add(what);
        }

        return Task.CompletedTask;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
