using ChatOps.Clusters.Model;

namespace ChatOps.Commands.Clusters;

/// <summary>The value most reachable nodes have for a key (a driver class, a firmware component).</summary>
internal static class Majority
{
    public static Dictionary<string, string> Of(ClusterSnapshot snapshot, Func<NodeInventory, IEnumerable<(string Key, string Value)>> select) =>
        snapshot.Reachable
            .SelectMany(n => select(n.Inventory!))
            .GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g => g.GroupBy(kv => kv.Value, StringComparer.Ordinal).OrderByDescending(v => v.Count()).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key,
                StringComparer.OrdinalIgnoreCase);
}
