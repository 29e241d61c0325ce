namespace ChatOps.Commands.Actions;

/// <summary>Stored pending actions, so a confirmation survives a restart and is used once.</summary>
public interface IPendingActions
{
    /// <summary>Stores a new pending action.</summary>
    Task AddAsync(PendingAction action, CancellationToken cancellationToken);

    /// <summary>The pending action, or null.</summary>
    Task<PendingAction?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Actions left <see cref="PendingActionState.Running"/> by another instance that is gone (it stopped
    /// or crashed, or has not checked in within its lease), oldest first, once their
    /// <see cref="PendingAction.ExecuteBy"/> plus <paramref name="nodeClockMargin"/> has passed by the store's
    /// clock: until then a node call of theirs may still land. The store records which instance started
    /// each; one this instance started is never listed, whatever its own check-ins say.
    /// </summary>
    Task<IReadOnlyList<PendingAction>> ListOrphanedAsync(TimeSpan nodeClockMargin, CancellationToken cancellationToken);

    /// <summary>Actions that still wait for a decision (a confirmation or a second admin's approval), oldest first.</summary>
    Task<IReadOnlyList<PendingAction>> ListWaitingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waiting actions whose window has closed (<see cref="PendingAction.ExpiresAt"/> passed) by the
    /// store's own clock — the database's, the same for every instance — oldest first.
    /// </summary>
    Task<IReadOnlyList<PendingAction>> ListExpiredAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Moves the action from <paramref name="expected"/> to the state in <paramref name="updated"/>
    /// atomically; false when another request moved it first (single use). Not to Running: that is <see cref="TryStartAsync"/>.
    /// </summary>
    Task<bool> TryTransitionAsync(string id, PendingActionState expected, PendingAction updated, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the action from <paramref name="expected"/> to <see cref="PendingActionState.Running"/> under this
    /// instance, atomically, with its <see cref="PendingAction.ExecuteBy"/> set to the store's clock (the
    /// database's, the same for every instance) plus <paramref name="executeTimeout"/>. The action as stored,
    /// or null when another request moved it first.
    /// </summary>
    Task<PendingAction?> TryStartAsync(string id, PendingActionState expected, PendingAction running, TimeSpan executeTimeout, CancellationToken cancellationToken);

    /// <summary>
    /// Whether this instance may still make the node calls of an action it started: it is still Running,
    /// this instance started it, and its <see cref="PendingAction.ExecuteBy"/> has not passed by the store's
    /// clock. False once another instance wrote it off, or its deadline passed while this one was paused.
    /// </summary>
    Task<bool> StillOwnsAsync(string id, CancellationToken cancellationToken);
}
