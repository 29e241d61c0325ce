namespace ChatOps.Bot.Turns;

/// <summary>
/// The turn slots, shared fairly: at most <c>count</c> turns run at once, and one person holds at
/// most one slot at a time, however many conversations or threads their turns come from — so a
/// person flooding a dozen threads waits behind themselves, not in front of everyone else. A button
/// press waits ahead of messages; otherwise first come, first served.
/// </summary>
internal sealed class TurnSlots(int count)
{
    private readonly LinkedList<Waiter> _waiting = new();
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private int _free = count;

    /// <summary>Completes once a slot is free and the person holds none.</summary>
    public Task EnterAsync(string person, bool urgent, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_waiting)
        {
            // A waiter with a free slot in view is waiting for its own person: taking the slot passes no one who could run.
            if (_free > 0 && !_running.Contains(person))
            {
                Take(person);
                return Task.CompletedTask;
            }

            waiter = new Waiter(person, urgent, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var before = urgent ? _waiting.First : null;
            while (before is not null && before.Value.Urgent)
            {
                before = before.Next;
            }

            waiter.Node = before is null ? _waiting.AddLast(waiter) : _waiting.AddBefore(before, waiter);
        }

        var registration = cancellationToken.Register(() => Abandon(waiter, cancellationToken));
        _ = waiter.Entered.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        return waiter.Entered.Task;
    }

    /// <summary>Gives the person's slot back, to the first waiter who may take it.</summary>
    public void Leave(string person)
    {
        lock (_waiting)
        {
            _running.Remove(person);
            _free++;
            for (var node = _waiting.First; node is not null && _free > 0;)
            {
                var next = node.Next;
                if (!_running.Contains(node.Value.Person))
                {
                    _waiting.Remove(node);
                    Take(node.Value.Person);
                    node.Value.Entered.TrySetResult();
                }

                node = next;
            }
        }
    }

    private void Take(string person)
    {
        _free--;
        _running.Add(person);
    }

    private void Abandon(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_waiting)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            _waiting.Remove(waiter.Node);
        }

        waiter.Entered.TrySetCanceled(cancellationToken);
    }

    private sealed record Waiter(string Person, bool Urgent, TaskCompletionSource Entered)
    {
        public LinkedListNode<Waiter>? Node { get; set; }
    }
}
