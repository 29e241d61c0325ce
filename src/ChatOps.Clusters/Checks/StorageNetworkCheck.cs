using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>iSCSI belongs on its own NICs and subnet, with MPIO instead of NIC teaming.</summary>
internal sealed class StorageNetworkCheck : IClusterCheck
{
    public string Id => CheckIds.StorageNetwork;

    public string Title => "iSCSI network design";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        foreach (var node in snapshot.Knowing(InventoryPart.Nics))
        {
            var nics = node.Inventory!.Nics;
            var iscsi = nics.Where(n => n.Role == NicRole.Iscsi).ToList();
            var teamed = iscsi.Where(n => n.Teamed).Select(n => n.Name).ToList();
            if (teamed.Count > 0)
            {
                yield return new Finding(Id, Severity.High, node.Name,
                    $"iSCSI NIC(s) {string.Join(", ", teamed)} on {node.Name} are teamed; use MPIO for storage paths, never NIC teaming.",
                    KbIds.IscsiNetwork) { Nodes = [node.Name] };
            }

            var shared = iscsi
                .Where(i => nics.Any(o => o.Role is NicRole.Client or NicRole.Management && o.Subnet.Equals(i.Subnet, StringComparison.OrdinalIgnoreCase)))
                .Select(i => $"{i.Name} ({i.Subnet})")
                .ToList();
            if (shared.Count > 0)
            {
                yield return new Finding(Id, Severity.High, node.Name,
                    $"iSCSI traffic on {node.Name} shares a subnet with client or management traffic: {string.Join(", ", shared)}.",
                    KbIds.IscsiNetwork) { Nodes = [node.Name] };
            }
        }
    }
}
