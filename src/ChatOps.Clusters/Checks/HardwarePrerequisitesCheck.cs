using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>Hyper-V needs VT, DEP and x64; SLAT is recommended; four or more NICs per host.</summary>
internal sealed class HardwarePrerequisitesCheck : IClusterCheck
{
    public const int MinimumNics = 4;

    public string Id => CheckIds.HardwarePrerequisites;

    public string Title => "Host hardware prerequisites";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        foreach (var node in snapshot.Reachable)
        {
            var inventory = node.Inventory!;
            var hw = inventory.Hardware;
            var missing = new List<string>();
            if (!hw.Virtualization)
            {
                missing.Add("hardware virtualization (VT/AMD-V)");
            }

            if (!hw.Dep)
            {
                missing.Add("hardware DEP");
            }

            if (!hw.X64)
            {
                missing.Add("a 64-bit OS");
            }

            if (missing.Count > 0)
            {
                yield return Finding(node.Name, Severity.Critical, $"{node.Name} lacks {string.Join(", ", missing)}: VMs will not start there.");
            }

            if (!hw.Slat)
            {
                yield return Finding(node.Name, Severity.Low, $"{node.Name} has no SLAT (Intel EPT / AMD RVI): VMs run, but slower on context-switch-heavy work than on the other nodes.");
            }

            if (inventory.Nics.Count < MinimumNics)
            {
                yield return Finding(node.Name, Severity.Low, $"{node.Name} has {inventory.Nics.Count} NIC(s); a cluster host wants at least {MinimumNics} (management, cluster, live migration, storage, VMs).");
            }
        }
    }

    private Finding Finding(string node, Severity severity, string evidence) =>
        new(Id, severity, node, evidence, KbIds.HostHardware) { Nodes = [node] };
}
