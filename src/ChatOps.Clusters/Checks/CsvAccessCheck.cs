using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// Every node should reach every CSV directly. A node whose I/O to a CSV is paused stalls the VMs on
/// it; one that is redirected sends its I/O over the network through the coordinator, which is slow and
/// has a cause to fix — unless the reason is by design (a ReFS volume) or passing (BitLocker's first
/// pass). Nodes that could not say how they reach their disks are left out, never counted as direct.
/// </summary>
internal sealed class CsvAccessCheck : IClusterCheck
{
    public string Id => CheckIds.CsvAccess;

    public string Title => "Every CSV reached directly from every node";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        var access = snapshot.Knowing(InventoryPart.Disks)
            .SelectMany(n => n.Inventory!.CsvAccess.Select(a => (Node: n.Name, Access: a)))
            .ToList();
        foreach (var csv in access.GroupBy(x => x.Access.Csv, StringComparer.OrdinalIgnoreCase))
        {
            var vms = VmsOn(snapshot, csv.Key);
            var paused = csv.Where(x => x.Access.Mode == CsvIoMode.Paused).Select(x => x.Node).ToList();
            if (paused.Count > 0)
            {
                yield return new Finding(Id, Severity.High, csv.Key,
                    $"CSV {csv.Key} is paused on {string.Join(", ", paused)}: its I/O from there is queued until a path to the volume is back{On(vms)}. Events 5120/5142 give the status code.",
                    KbIds.CsvPausedIoTimeout) { Nodes = paused, Vms = vms };
            }

            foreach (var redirect in csv.Where(x => x.Access.IsRedirected && !x.Access.IsExpected)
                .GroupBy(x => (x.Access.Mode, Reasons: string.Join(", ", x.Access.Reasons))))
            {
                var nodes = redirect.Select(x => x.Node).ToList();
                var mode = redirect.Key.Mode == CsvIoMode.BlockRedirected ? "block redirected" : "file-system redirected";
                var reasons = redirect.First().Access.Reasons;
                var why = reasons.Count == 0 ? "no reason given" : redirect.Key.Reasons;
                var byHand = reasons.Count > 0 && reasons.All(r => r.Equals("UserRequest", StringComparison.OrdinalIgnoreCase));
                yield return new Finding(Id, byHand ? Severity.Low : Severity.Medium, csv.Key,
                    $"CSV {csv.Key} is {mode} on {string.Join(", ", nodes)} ({why}): its I/O goes over the network through the coordinator node{On(vms)}" +
                    (byHand ? "; redirected access was turned on by hand — turn it off when that work is done." : "."),
                    KbIds.CsvRedirectedAccess) { Nodes = nodes, Vms = vms };
            }
        }
    }

    private static List<string> VmsOn(ClusterSnapshot snapshot, string csv)
    {
        var disk = snapshot.Disks.FirstOrDefault(d => d.Id.Equals(csv, StringComparison.OrdinalIgnoreCase));
        return disk is null ? [] : [.. snapshot.Vms.Where(v => v.ConfigVolume == disk.VolumeGuid).Select(v => v.Name)];
    }

    private static string On(List<string> vms) => vms.Count == 0 ? string.Empty : $"; VMs stored on it: {string.Join(", ", vms)}";
}
