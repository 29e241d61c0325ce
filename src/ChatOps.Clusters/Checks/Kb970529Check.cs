using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// KB970529 keeps Hyper-V following a LUN whose volume GUID changed; every Windows Server 2008 R2
/// node needs it. Later versions carry the fix, so a node that reports a 6.2 or later build is not judged.
/// </summary>
internal sealed class Kb970529Check : IClusterCheck
{
    public const string Hotfix = "KB970529";

    public string Id => CheckIds.Kb970529Missing;

    public string Title => "Hotfix KB970529 on every node";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot) =>
        snapshot.Knowing(InventoryPart.Hotfixes)
            .Where(n => AppliesTo(n.Inventory!) && !n.Inventory!.Hotfixes.Contains(Hotfix, StringComparer.OrdinalIgnoreCase))
            .Select(n => new Finding(Id, Severity.High, n.Name,
                $"{n.Name} lacks {Hotfix}: resizing a LUN will leave its VMs pointing at the old volume GUID (quick migration fails, VMM shows 'Unsupported Cluster Configuration').",
                KbIds.VolumeGuidChange) { Nodes = [n.Name] });

    /// <summary>2008 R2 (6.1) and older, or a node whose build is unknown (the lab).</summary>
    private static bool AppliesTo(NodeInventory node) =>
        node.OsBuild is not { } build || !Version.TryParse(build, out var version) || version < new Version(6, 2);
}
