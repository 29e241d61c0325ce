namespace ChatOps.Commands.Actions;

/// <summary>Stored pending actions, so a confirmation survives a restart and is used once.</summary>
public interface IPendingActions
{
    /// <summary>Stores a new pending action.</summary>
    Task AddAsync(PendingAction action, CancellationToken cancellationToken);

    /// <summary>The pending action, or null.</summary>
    Task<PendingAction?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Actions left <see cref="PendingActionState.Running"/> by an instance that is gone (it stopped
    /// or crashed), oldest first. The store records which instance moved each to Running; one
    /// still running on a live instance, this one or another, is not listed.
    /// </summary>
    Task<IReadOnlyList<PendingAction>> ListOrphanedAsync(CancellationToken cancellationToken);

    /// <summary>Actions that still wait for a decision (a confirmation or a second admin's approval), oldest first.</summary>
    Task<IReadOnlyList<PendingAction>> ListWaitingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waiting actions whose window has closed (<see cref="PendingAction.ExpiresAt"/> passed) by the
    /// store's own clock — the database's, the same for every instance — oldest first.
    /// </summary>
    Task<IReadOnlyList<PendingAction>> ListExpiredAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Moves the action from <paramref name="expected"/> to the state in <paramref name="updated"/>
    /// atomically; false when another request moved it first (single use).
    /// </summary>
    Task<bool> TryTransitionAsync(string id, PendingActionState expected, PendingAction updated, CancellationToken cancellationToken);
}
