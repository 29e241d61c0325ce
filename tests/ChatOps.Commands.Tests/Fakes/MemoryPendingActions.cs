using ChatOps.Commands.Actions;

namespace ChatOps.Commands.Tests.Fakes;

/// <summary>
/// Pending actions in a dictionary, with the same compare-and-set transitions the stores give.
/// Expiry is judged by <paramref name="time"/> (the system clock when none is given), as the LiteDB store judges it by its own.
/// </summary>
internal sealed class MemoryPendingActions(TimeProvider? time = null) : IPendingActions
{
    private readonly Dictionary<string, PendingAction> _actions = [];
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>While set, every call fails as a store that does not answer does.</summary>
    public bool Down { get; set; }

    public Task AddAsync(PendingAction action, CancellationToken cancellationToken)
    {
        lock (_actions)
        {
            _actions.Add(action.Id, action);
        }

        return Task.CompletedTask;
    }

    public Task<PendingAction?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_actions)
        {
            return Task.FromResult(_actions.GetValueOrDefault(id));
        }
    }

    /// <summary>Every Running action: the fake stands for a store whose earlier process died, and has no instances of its own.</summary>
    public Task<IReadOnlyList<PendingAction>> ListOrphanedAsync(TimeSpan nodeClockMargin, CancellationToken cancellationToken) => ListAsync(PendingActionState.Running);

    /// <summary>Whether a Running action is still this process's: unless <see cref="WriteOff"/> moved it on, until its deadline.</summary>
    public Task<bool> StillOwnsAsync(string id, CancellationToken cancellationToken)
    {
        StoreDown.ThrowIf(Down);
        lock (_actions)
        {
            return Task.FromResult(_actions.TryGetValue(id, out var action) && action.State == PendingActionState.Running && _time.GetUtcNow() < action.ExecuteBy);
        }
    }

    public Task<PendingAction?> TryStartAsync(string id, PendingActionState expected, PendingAction running, TimeSpan executeTimeout, CancellationToken cancellationToken) =>
        Task.FromResult(running.State == PendingActionState.Running && Move(id, expected, running with { ExecuteBy = _time.GetUtcNow() + executeTimeout }) is { } started ? started : null);

    public Task<IReadOnlyList<PendingAction>> ListAsync(PendingActionState state) => ListAsync(a => a.State == state);

    public Task<IReadOnlyList<PendingAction>> ListWaitingAsync(CancellationToken cancellationToken) => ListAsync(a => a.IsWaiting);

    public Task<IReadOnlyList<PendingAction>> ListExpiredAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return ListAsync(a => a.IsWaiting && now > a.ExpiresAt);
    }

    private Task<IReadOnlyList<PendingAction>> ListAsync(Func<PendingAction, bool> which)
    {
        StoreDown.ThrowIf(Down);
        lock (_actions)
        {
            return Task.FromResult<IReadOnlyList<PendingAction>>(_actions.Values.Where(which).OrderBy(a => a.CreatedAt).ToList());
        }
    }

    public Task<bool> TryTransitionAsync(string id, PendingActionState expected, PendingAction updated, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(updated.State, PendingActionState.Running);
        return Task.FromResult(Move(id, expected, updated) is not null);
    }

    /// <summary>What another instance does to an action it takes for gone: Running to Interrupted.</summary>
    public bool WriteOff(string id) => GetAsync(id, CancellationToken.None).Result is { State: PendingActionState.Running } running
        && Move(id, PendingActionState.Running, running with { State = PendingActionState.Interrupted }) is not null;

    private PendingAction? Move(string id, PendingActionState expected, PendingAction updated)
    {
        StoreDown.ThrowIf(Down);
        lock (_actions)
        {
            if (!_actions.TryGetValue(id, out var current) || current.State != expected || updated.Id != id)
            {
                return null;
            }

            _actions[id] = updated;
            return updated;
        }
    }
}
