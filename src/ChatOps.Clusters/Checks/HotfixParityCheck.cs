using ChatOps.Clusters.Checks.Parity;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>Every node should carry the same hotfixes.</summary>
internal sealed class HotfixParityCheck : IClusterCheck
{
    public string Id => CheckIds.HotfixParity;

    public string Title => "Hotfix sets per node";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot) =>
        ParityFindings.For(
            snapshot.Name,
            ParityMatrix.Build(snapshot).Where(r => r.Category == ParityCategories.Hotfix),
            Id,
            KbIds.PatchLevelParity,
            _ => Severity.Medium,
            "hotfix");
}
