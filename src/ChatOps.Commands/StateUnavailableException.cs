namespace ChatOps.Commands;

/// <summary>
/// The state store (audit, pending actions, subscriptions, sweeps) did not answer. Thrown by a
/// store's port instead of its driver's own exception, so the router can refuse what needs state
/// with a clear reason while reads of the cluster and the runbooks go on answering.
/// </summary>
public sealed class StateUnavailableException(string reason, Exception? inner = null)
    : Exception($"The state database is not answering: {reason}", inner)
{
    /// <summary>What went wrong, in a few words (e.g. "connection refused to 10.0.0.5:5432").</summary>
    public string Reason { get; } = reason;
}
