namespace ChatOps.Commands.Sweeps;

/// <summary>One component across nodes: the majority version and each node's value.</summary>
/// <param name="Component">Component key, e.g. <c>driver:MPIO</c>.</param>
/// <param name="Majority">The most common value among reachable nodes.</param>
/// <param name="Values">Node to value (<c>-</c> when the node lacks the component); unreachable nodes are absent.</param>
public sealed record MatrixRow(string Component, string Majority, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>Nodes whose value differs from the majority.</summary>
    public IEnumerable<string> Outliers => Values.Where(v => v.Value != Majority).Select(v => v.Key);

    /// <summary>Whether any node differs.</summary>
    public bool HasOutliers => Outliers.Any();
}
