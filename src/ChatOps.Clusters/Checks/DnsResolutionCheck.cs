using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>Every node must resolve every other; stale cached records keep clients on an old site's address.</summary>
internal sealed class DnsResolutionCheck : IClusterCheck
{
    public string Id => CheckIds.DnsResolution;

    public string Title => "Nodes resolve each other; no stale DNS cache";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        foreach (var node in snapshot.Knowing(InventoryPart.Dns))
        {
            var inventory = node.Inventory!;
            var resolvable = inventory.ResolvableNodes.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unresolved = snapshot.Nodes
                .Where(o => !o.Name.Equals(node.Name, StringComparison.OrdinalIgnoreCase))
                .Where(o => !resolvable.Contains(o.Name))
                .Select(o => o.Name)
                .ToList();
            if (unresolved.Count > 0)
            {
                yield return new Finding(Id, Severity.High, node.Name,
                    $"{node.Name} cannot resolve {string.Join(", ", unresolved)} in DNS; the cluster cannot be validated or configured like this.",
                    KbIds.ClusterPrerequisites) { Nodes = [node.Name, .. unresolved] };
            }

            if (inventory.StaleDnsEntries.Count > 0)
            {
                yield return new Finding(Id, Severity.Medium, node.Name,
                    $"{node.Name} caches out-of-date records for {string.Join(", ", inventory.StaleDnsEntries)}; flush its DNS cache (`flushdns {node.Name}`).",
                    KbIds.MultisiteDns) { Nodes = [node.Name] };
            }
        }
    }
}
