namespace ChatOps.Commands.Actions;

/// <summary>
/// Outcomes of actions that were known but could not be written to the state store when they were (it
/// did not answer): kept in a durable local file until they are, so an outcome is never lost with the
/// store down. The file survives the process's death, not the machine's.
/// </summary>
public interface IOutcomeOutbox
{
    /// <summary>Keeps an outcome, durably, before it returns.</summary>
    Task KeepAsync(KeptOutcome outcome, CancellationToken cancellationToken);

    /// <summary>The outcomes kept, oldest first.</summary>
    Task<IReadOnlyList<KeptOutcome>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Forgets an outcome once it is written.</summary>
    Task RemoveAsync(string id, CancellationToken cancellationToken);
}

/// <summary>An action's outcome waiting to be written: the action as Done, with its result, and its audit record.</summary>
public sealed record KeptOutcome(string Id, PendingAction Done, AuditRecord Record);
