using ChatOps.Clusters.Checks.Parity;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>Every node should carry the same hotfixes and, on cumulative-update systems, the same OS build.</summary>
internal sealed class HotfixParityCheck : IClusterCheck
{
    public string Id => CheckIds.HotfixParity;

    public string Title => "Hotfix sets per node";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        var rows = ParityMatrix.Build(snapshot);
        return ParityFindings.For(snapshot.Name, rows.Where(r => r.Category == ParityCategories.Hotfix), Id, KbIds.PatchLevelParity, _ => Severity.Medium, "hotfix")
            .Concat(ParityFindings.For(snapshot.Name, rows.Where(r => r.Category == ParityCategories.OsBuild), Id, KbIds.PatchLevelParity, _ => Severity.Medium, "build"));
    }
}
