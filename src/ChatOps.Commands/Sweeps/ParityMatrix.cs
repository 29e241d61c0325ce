namespace ChatOps.Commands.Sweeps;

/// <summary>Components × nodes, majority per row, outliers marked, unreachable nodes listed.</summary>
public sealed record ParityMatrix(IReadOnlyList<string> Nodes, IReadOnlyList<MatrixRow> Rows, IReadOnlyList<string> Unreachable)
{
    /// <summary>Marks a component a node does not have.</summary>
    public const string Missing = "-";

    /// <summary>Builds the matrix from per-node inventories. Rows with outliers come first.</summary>
    public static ParityMatrix From(IReadOnlyList<NodeSweep> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var reachable = nodes.Where(n => n.Reachable).ToList();
        var components = reachable.SelectMany(n => n.Components.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var rows = components.Select(component =>
        {
            var values = reachable.ToDictionary(n => n.Node, n => n.Components.GetValueOrDefault(component, Missing), StringComparer.OrdinalIgnoreCase);
            var majority = values.Values.GroupBy(v => v, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key == Missing).ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key;
            return new MatrixRow(component, majority, values);
        }).OrderBy(r => r.HasOutliers ? 0 : 1).ThenBy(r => r.Component, StringComparer.Ordinal).ToList();
        return new ParityMatrix(reachable.Select(n => n.Node).ToList(), rows, nodes.Where(n => !n.Reachable).Select(n => n.Node).ToList());
    }

    /// <summary>Rows where some node differs.</summary>
    public IEnumerable<MatrixRow> OutlierRows => Rows.Where(r => r.HasOutliers);
}
