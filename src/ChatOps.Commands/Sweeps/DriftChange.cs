namespace ChatOps.Commands.Sweeps;

/// <summary>One difference between two sweeps.</summary>
/// <param name="Node">Node concerned, or empty for cluster-wide findings.</param>
/// <param name="What">Human description, e.g. <c>driver:MPIO 1.2 → 1.3</c>.</param>
/// <param name="Kind">One of <see cref="DriftKinds"/>.</param>
public sealed record DriftChange(string Node, string What, string Kind);
