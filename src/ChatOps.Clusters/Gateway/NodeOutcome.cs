using ChatOps.Clusters.Checks;

namespace ChatOps.Clusters.Gateway;

/// <summary>
/// What an action did on one node (or to one VM), in words an operator reads. <paramref name="Concern"/>
/// is set when this part went badly although the action itself did what it was asked (a VM left Failed
/// after its host's kill), so it is never shown as done.
/// </summary>
public sealed record NodeOutcome(string Node, string Text, Severity? Concern = null);
