namespace ChatOps.Clusters.Gateway;

/// <summary>The result of a safe action, with what happened on each node.</summary>
/// <param name="Action">Which action.</param>
/// <param name="Target">The resolved target (node or VM name).</param>
/// <param name="Status">How it ended.</param>
/// <param name="Summary">One sentence for the reply heading.</param>
/// <param name="Outcomes">Per-node outcome text.</param>
public sealed record ClusterActionResult(
    ClusterAction Action,
    string Target,
    ActionStatus Status,
    string Summary,
    IReadOnlyList<NodeOutcome> Outcomes)
{
    /// <summary>True when the action ran.</summary>
    public bool Succeeded => Status == ActionStatus.Succeeded;
}
