using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>Every node needs the same cluster networks: the same NIC roles, and per site the same subnets.</summary>
internal sealed class ClusterNetworksCheck : IClusterCheck
{
    public string Id => CheckIds.ClusterNetworks;

    public string Title => "Same cluster networks on every node";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        var nodes = snapshot.Knowing(InventoryPart.Nics).ToList();
        var roles = nodes.ToDictionary(n => n.Name, n => Signature(n.Inventory!.Nics.Select(x => x.Role.ToString())));
        var usual = Majority(roles.Values);
        foreach (var node in nodes.Where(n => usual is not null && roles[n.Name] != usual))
        {
            yield return Finding(node.Name, $"{node.Name} has NIC roles [{roles[node.Name]}]; the other nodes have [{usual}].");
        }

        foreach (var site in nodes.GroupBy(n => n.Site, StringComparer.OrdinalIgnoreCase))
        {
            var subnets = site.ToDictionary(n => n.Name, n => Signature(n.Inventory!.Nics.Select(x => $"{x.Name}={x.Subnet}")));
            var siteUsual = Majority(subnets.Values);
            foreach (var node in site.Where(n => siteUsual is not null && subnets[n.Name] != siteUsual))
            {
                yield return Finding(node.Name, $"{node.Name}'s subnets [{subnets[node.Name]}] differ from the rest of site {site.Key} [{siteUsual}].");
            }
        }
    }

    private static string Signature(IEnumerable<string> parts) => string.Join(", ", parts.Order(StringComparer.Ordinal));

    private static string? Majority(IEnumerable<string> values)
    {
        var counts = values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ToList();
        return counts.Count == 1 || (counts.Count > 1 && counts[0].Count() > counts[1].Count()) ? counts[0].Key : null;
    }

    private Finding Finding(string node, string evidence) =>
        new(Id, Severity.Medium, node, evidence, KbIds.ClusterPrerequisites) { Nodes = [node] };
}
