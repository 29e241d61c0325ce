namespace ChatOps.Clusters.Lab;

/// <summary>
/// A fault injected into one lab node. It applies to every call that reaches the node
/// (probes and actions): first the latency, then a hang, a refusal or an error.
/// </summary>
/// <param name="Latency">Added delay before the node answers.</param>
/// <param name="Hang">Never answers (until the caller's timeout).</param>
/// <param name="Unreachable">Refuses the connection.</param>
/// <param name="Error">Answers with this error message.</param>
/// <param name="ActionLatency">Further delay before an action takes effect (a kill that takes long to run), probes unaffected.</param>
/// <param name="UnreadableLog">An event log the node cannot read (as on a node without the Hyper-V role); its other logs answer.</param>
public sealed record LabFault(TimeSpan Latency = default, bool Hang = false, bool Unreachable = false, string? Error = null, TimeSpan ActionLatency = default, string? UnreadableLog = null)
{
    /// <summary>A node that never answers.</summary>
    public static LabFault Hung { get; } = new(Hang: true);

    /// <summary>A slow node.</summary>
    public static LabFault Slow(TimeSpan latency) => new(Latency: latency);
}
