using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// A config link on a node with no VM of that GUID on that node, while the cluster owns that VM
/// elsewhere or does not know it, is left over from an unplanned failover (event 4096).
/// </summary>
internal sealed class StaleConfigLinksCheck : IClusterCheck
{
    public string Id => CheckIds.StaleConfigLinks;

    public string Title => "No stale VM config links";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        var vms = snapshot.Vms.ToDictionary(v => v.Id);
        // Judged only where both the links and Hyper-V's VMs were read: an unread Hyper-V is not "no VM".
        foreach (var node in snapshot.Knowing(InventoryPart.ConfigLinks).Where(n => n.Inventory!.Knows(InventoryPart.HyperV)))
        {
            var inventory = node.Inventory!;
            var registered = inventory.HyperVVms.Select(h => h.Id).ToHashSet();
            var stale = new List<string>();
            var names = new List<string>();
            foreach (var link in inventory.ConfigLinks.Where(l => !registered.Contains(l)))
            {
                if (!vms.TryGetValue(link, out var vm))
                {
                    stale.Add($"{link} (a VM the cluster does not know)");
                }
                else if (!string.Equals(vm.OwnerNode, node.Name, StringComparison.OrdinalIgnoreCase))
                {
                    stale.Add($"{link} ({vm.Name}, owned by {vm.OwnerNode ?? "no node"})");
                    names.Add(vm.Name);
                }
            }

            if (stale.Count > 0)
            {
                yield return new Finding(Id, Severity.Medium, node.Name,
                    $"{node.Name} has {stale.Count} config link(s) with no VM behind them on that node: {string.Join(", ", stale)}. Expect event 4096 and a failed failback.",
                    KbIds.StaleVmConfigLinks) { Nodes = [node.Name], Vms = names };
            }
        }
    }
}
