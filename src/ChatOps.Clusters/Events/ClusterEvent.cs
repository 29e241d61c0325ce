namespace ChatOps.Clusters.Events;

/// <summary>
/// One event read from a node's log. An id alone is not a key (the same id means different failures
/// under different providers), so an event is known by its log, provider and id.
/// </summary>
/// <param name="Node">The node whose log holds it.</param>
/// <param name="Log">The channel, e.g. <c>System</c> or <c>Microsoft-Windows-Hyper-V-VMMS-Admin</c>.</param>
/// <param name="Provider">The provider, e.g. <c>Microsoft-Windows-FailoverClustering</c>.</param>
/// <param name="Id">The event id.</param>
/// <param name="Level">Critical, Error, Warning or Information.</param>
/// <param name="Time">When it was written (UTC).</param>
/// <param name="Message">Its rendered message, cut to a bounded length by the node.</param>
public sealed record ClusterEvent(string Node, string Log, string Provider, int Id, WinEventLevel Level, DateTimeOffset Time, string Message)
{
    /// <summary>Its log, provider and id: what a runbook names it by.</summary>
    public EventKind Kind => new(Log, Provider, Id);
}
