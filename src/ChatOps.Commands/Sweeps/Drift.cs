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
                changes.Add(new DriftChange(node.Node, "node joined the cluster", DriftKinds.NodeJoined));
                continue;
            }

            if (!node.Reachable || !old.Reachable)
            {
                if (node.Reachable != old.Reachable)
                {
                    changes.Add(node.Reachable
                        ? new DriftChange(node.Node, "node answers again", DriftKinds.NodeBack)
                        : new DriftChange(node.Node, $"node unreachable ({node.Failure})", DriftKinds.NodeUnreachable));
                }

                continue;
            }

            if (node.Hash != old.Hash)
            {
                changes.AddRange(Components(node.Node, old.Components, node.Components));
            }
        }

        changes.AddRange(before.Keys.Where(n => !after.ContainsKey(n)).Order(StringComparer.OrdinalIgnoreCase)
            .Select(n => new DriftChange(n, "node left the cluster", DriftKinds.NodeLeft)));
        var (appeared, cleared) = Findings(older, newer);
        changes.AddRange(appeared.Select(f => new DriftChange(f.Subject, $"new finding {f.CheckId}: {f.Evidence}", DriftKinds.FindingNew)));
        changes.AddRange(cleared.Select(f => new DriftChange(f.Subject, $"cleared {f.CheckId}", DriftKinds.FindingCleared)));
        return changes;
    }

    /// <summary>Findings in <paramref name="newer"/> but not in <paramref name="older"/>, and the reverse; all are new when there is no older sweep.</summary>
    public static (IReadOnlyList<SweepFinding> Appeared, IReadOnlyList<SweepFinding> Cleared) Findings(SweepRecord? older, SweepRecord newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        var before = older?.Findings ?? [];
        var oldKeys = before.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var newKeys = newer.Findings.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return (newer.Findings.Where(f => !oldKeys.Contains(f.Key)).ToList(), before.Where(f => !newKeys.Contains(f.Key)).ToList());
    }

    private static IEnumerable<DriftChange> Components(string node, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var had = before.TryGetValue(key, out var was);
            var has = after.TryGetValue(key, out var now);
            if (had && has && was != now)
            {
                yield return new DriftChange(node, $"{key} {was} → {now}", DriftKinds.Changed);
            }
            else if (!had && has)
            {
                yield return new DriftChange(node, $"{key} {now} added", DriftKinds.Added);
            }
            else if (had && !has)
            {
                yield return new DriftChange(node, $"{key} {was} removed", DriftKinds.Removed);
            }
        }
    }
}
