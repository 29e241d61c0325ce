namespace ChatOps.Clusters.Model;

/// <summary>A node's probe failed.</summary>
public sealed record NodeFailure(NodeFailureKind Kind, string Message);
