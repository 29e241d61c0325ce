namespace ChatOps.Clusters.Gateway;

/// <summary>What an action did on one node (or to one VM), in words an operator reads.</summary>
public sealed record NodeOutcome(string Node, string Text);
