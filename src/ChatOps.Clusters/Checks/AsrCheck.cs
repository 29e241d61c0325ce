using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>HP Automatic Server Recovery can cold-reboot a busy host with running VMs.</summary>
internal sealed class AsrCheck : IClusterCheck
{
    public string Id => CheckIds.AsrEnabled;

    public string Title => "HP ASR disabled";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot) =>
        snapshot.Reachable
            .Where(n => n.Inventory!.AsrEnabled == true)
            .Select(n => new Finding(Id, Severity.High, n.Name,
                $"HP Automatic Server Recovery is enabled on {n.Name}; a false hang detection powers it off with {snapshot.VmsOwnedBy(n.Name).Count()} VM(s) on it.",
                KbIds.HpAsr) { Nodes = [n.Name] });
}
