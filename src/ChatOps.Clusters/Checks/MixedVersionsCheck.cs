using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// A rolling upgrade left half done: nodes on different Windows versions (mixed-version mode, meant to
/// last weeks, not for good), or every node upgraded while the cluster still runs at the old functional
/// level, so the new version's features stay off until <c>Update-ClusterFunctionalLevel</c>
/// (learn.microsoft.com "Cluster operating system rolling upgrade", Update-ClusterFunctionalLevel).
/// </summary>
internal sealed class MixedVersionsCheck : IClusterCheck
{
    public string Id => CheckIds.MixedVersions;

    public string Title => "One Windows version and the functional level it supports";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        // The update revision after the version is patch level (hotfix-parity's).
        var versions = snapshot.Reachable
            .Select(n => (n.Name, Version: n.Inventory!.WindowsVersion))
            .Where(x => x.Version is not null)
            .GroupBy(x => x.Version!)
            .OrderBy(g => g.Key)
            .ToList();
        var level = snapshot.FunctionalLevel;
        if (versions.Count > 1)
        {
            var spread = string.Join("; ", versions.Select(g => $"{g.Key} on {string.Join(", ", g.Select(x => x.Name))}"));
            var at = level.Current is { } current ? $" The cluster runs at functional level {current} until every node is upgraded and Update-ClusterFunctionalLevel is run." : string.Empty;
            yield return new Finding(Id, Severity.Medium, snapshot.Name,
                $"The nodes run different Windows versions ({spread}): the cluster is in mixed-version mode, meant for a rolling upgrade of weeks, not for good.{at}",
                KbIds.MixedVersionsFunctionalLevel) { Nodes = [.. versions.Take(versions.Count - 1).SelectMany(g => g.Select(x => x.Name))] };
        }
        else if (level.CanBeRaised)
        {
            yield return new Finding(Id, Severity.Low, snapshot.Name,
                $"Every node supports functional level {level.Upgrade}, but the cluster still runs at {level.Current}: the upgrade is not finished. Once no node will be rolled back, run Update-ClusterFunctionalLevel (it cannot be undone).",
                KbIds.MixedVersionsFunctionalLevel);
        }
    }
}
