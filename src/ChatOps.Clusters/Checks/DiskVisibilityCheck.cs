using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>Every clustered disk and CSV must be visible from every node, or VMs cannot move there.</summary>
internal sealed class DiskVisibilityCheck : IClusterCheck
{
    public string Id => CheckIds.DiskVisibility;

    public string Title => "Every disk visible from every node";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        foreach (var disk in snapshot.Disks)
        {
            var blind = snapshot.Reachable
                .Where(n => n.Inventory!.DiskVisibilityKnown && !n.Inventory.VisibleDisks.Contains(disk.Id, StringComparer.OrdinalIgnoreCase))
                .Select(n => n.Name)
                .ToList();
            if (blind.Count == 0)
            {
                continue;
            }

            var vms = snapshot.Vms.Where(v => v.ConfigVolume == disk.VolumeGuid).Select(v => v.Name).ToList();
            var onIt = vms.Count == 0 ? string.Empty : $"; VMs on it ({string.Join(", ", vms)}) cannot fail over there";
            yield return new Finding(Id, Severity.High, disk.Id,
                $"{(disk.IsCsv ? "CSV" : "Disk")} {disk.Id} is not visible from {string.Join(", ", blind)}{onIt}.",
                KbIds.LunNotPresented) { Nodes = blind, Vms = vms };
        }
    }
}
