namespace ChatOps.Commands.Sweeps;

/// <summary>What changed between two sweeps, per node, and which findings appeared or cleared.</summary>
public static class Drift
{
    /// <summary>Changes from <paramref name="older"/> to <paramref name="newer"/>.</summary>
    public static IReadOnlyList<DriftChange> Between(SweepRecord older, SweepRecord newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var changes = new List<DriftChange>();
        var before = older.Nodes.ToDictionary(n => n.Node, StringComparer.OrdinalIgnoreCase);
        var after = newer.Nodes.ToDictionary(n => n.Node, StringComparer.OrdinalIgnoreCase);
        foreach (var node in after.Values.OrderBy(n => n.Node, StringComparer.OrdinalIgnoreCase))
        {
            if (!before.TryGetValue(node.Node, out var old))
            {
                changes.Add(new DriftChange(node.Node, "node joined the cluster", "NodeJoined"));
                continue;
            }

            if (!node.Reachable || !old.Reachable)
            {
                if (node.Reachable != old.Reachable)
                {
                    changes.Add(node.Reachable
                        ? new DriftChange(node.Node, "node answers again", "NodeBack")
                        : new DriftChange(node.Node, $"node unreachable ({node.Failure})", "NodeUnreachable"));
                }

                continue;
            }

            if (node.Hash != old.Hash)
            {
                changes.AddRange(Components(node.Node, old.Components, node.Components));
            }
        }

        changes.AddRange(before.Keys.Where(n => !after.ContainsKey(n)).Order(StringComparer.OrdinalIgnoreCase)
            .Select(n => new DriftChange(n, "node left the cluster", "NodeLeft")));
        var oldFindings = older.Findings.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var newFindings = newer.Findings.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(newer.Findings.Where(f => !oldFindings.Contains(f.Key)).Select(f => new DriftChange(f.Subject, $"new finding {f.CheckId}: {f.Evidence}", "FindingNew")));
        changes.AddRange(older.Findings.Where(f => !newFindings.Contains(f.Key)).Select(f => new DriftChange(f.Subject, $"cleared {f.CheckId}", "FindingCleared")));
        return changes;
    }

    private static IEnumerable<DriftChange> Components(string node, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var had = before.TryGetValue(key, out var was);
            var has = after.TryGetValue(key, out var now);
            if (had && has && was != now)
            {
                yield return new DriftChange(node, $"{key} {was} → {now}", "Changed");
            }
            else if (!had && has)
            {
                yield return new DriftChange(node, $"{key} {now} added", "Added");
            }
            else if (had && !has)
            {
                yield return new DriftChange(node, $"{key} {was} removed", "Removed");
            }
        }
    }
}
