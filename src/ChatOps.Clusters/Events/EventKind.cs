namespace ChatOps.Clusters.Events;

/// <summary>
/// What kind of event it is: its log, provider and id together (an id alone means different failures
/// under different providers). Log and provider compare without case, as Windows names them; the hash is
/// the id alone, so grouping tens of thousands of events hashes no string.
/// </summary>
/// <param name="Log">The channel.</param>
/// <param name="Provider">The provider.</param>
/// <param name="Id">The event id.</param>
public readonly record struct EventKind(string Log, string Provider, int Id)
{
    /// <inheritdoc />
    public bool Equals(EventKind other) =>
        Id == other.Id && string.Equals(Log, other.Log, StringComparison.OrdinalIgnoreCase) && string.Equals(Provider, other.Provider, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => Id;
}
