namespace ChatOps.Commands.Actions;

/// <summary>Stored pending actions, so a confirmation survives a restart and is used once.</summary>
public interface IPendingActions
{
    /// <summary>Stores a new pending action.</summary>
    Task AddAsync(PendingAction action, CancellationToken cancellationToken);

    /// <summary>The pending action, or null.</summary>
    Task<PendingAction?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The pending actions now in <paramref name="state"/>, oldest first.</summary>
    Task<IReadOnlyList<PendingAction>> ListAsync(PendingActionState state, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the action from <paramref name="expected"/> to the state in <paramref name="updated"/>
    /// atomically; false when another request moved it first (single use).
    /// </summary>
    Task<bool> TryTransitionAsync(string id, PendingActionState expected, PendingAction updated, CancellationToken cancellationToken);
}
