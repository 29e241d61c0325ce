using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>Every clustered disk and CSV must be visible from every node, or VMs cannot move there.</summary>
internal sealed class DiskVisibilityCheck : IClusterCheck
{
    public string Id => CheckIds.DiskVisibility;

    public string Title => "Every disk visible from every node";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        // A disk that is not online is seen by no node: DiskStateCheck reports it once instead. A node
        // that could not say which disks it sees is never counted as blind.
        foreach (var disk in snapshot.Disks.Where(d => d.State == DiskState.Online))
        {
            var blind = snapshot.Knowing(InventoryPart.Disks)
                .Where(n => !n.Inventory!.VisibleDisks.Contains(disk.Id, StringComparer.OrdinalIgnoreCase))
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
