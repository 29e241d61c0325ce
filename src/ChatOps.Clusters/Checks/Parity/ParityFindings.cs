namespace ChatOps.Clusters.Checks.Parity;

/// <summary>Turns parity rows into one finding per outlier node (or one per row on a tie).</summary>
internal static class ParityFindings
{
    public static IEnumerable<Finding> For(
        string cluster, IEnumerable<ParityRow> rows, string checkId, string kbId, Func<ParityRow, Severity> severity, string what)
    {
        foreach (var row in rows.Where(r => r.HasOutliers))
        {
            if (row.Majority is null)
            {
                var spread = string.Join("; ", row.Values.GroupBy(v => v.Value).Select(g => $"{g.Key} on {string.Join(", ", g.Select(v => v.Key))}"));
                yield return new Finding(checkId, severity(row), cluster, $"{row.Component} {what} is mixed with no majority: {spread}.", kbId)
                {
                    Nodes = [.. row.Outliers],
                };
                continue;
            }

            foreach (var node in row.Outliers)
            {
                var evidence = $"{row.Component} {what} on {node} is {row.Values[node]}; {row.MajorityCount} of {row.Values.Count} nodes have {row.Majority}.";
                yield return new Finding(checkId, severity(row), node, evidence, kbId) { Nodes = [node] };
            }
        }
    }
}
