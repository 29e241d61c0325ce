using ChatOps.Clusters.Model;

namespace ChatOps.Commands.ClusterActions;

/// <summary>What is known to go wrong when VMs crash and restart elsewhere (FAILURE-MODES #13, #15).</summary>
internal static class RestartRisks
{
    /// <summary>One line per risk among <paramref name="vms"/>: old integration services (APIPA), legacy NICs (ping lies).</summary>
    public static IEnumerable<string> For(ClusterSnapshot snapshot, IReadOnlyCollection<ClusteredVm> vms)
    {
        var offered = snapshot.Reachable.Select(n => n.Inventory!.IntegrationServices).DefaultIfEmpty(new Version(0, 0)).Max()!;
        var stale = vms.Where(v => v.IntegrationServices < offered).Select(v => $"{v.Name} ({v.IntegrationServices})").ToList();
        if (stale.Count > 0)
        {
            yield return $"Integration services older than the hosts' {offered} on {string.Join(", ", stale)}: may come back with an APIPA (169.254.x.x) or duplicate address; check `vm <name>` afterwards.";
        }

        var legacy = vms.Where(v => v.HasLegacyNic).Select(v => v.Name).ToList();
        if (legacy.Count > 0)
        {
            yield return $"Legacy NIC on {string.Join(", ", legacy)}: ping is no proof it is up; check the service itself.";
        }
    }
}
