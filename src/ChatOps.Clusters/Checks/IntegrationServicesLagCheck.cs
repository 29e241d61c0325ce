using ChatOps.Clusters.Checks.Parity;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// Guests whose integration services are older than their host's take APIPA or duplicate
/// addresses after a failover; hosts should also offer one version.
/// </summary>
internal sealed class IntegrationServicesLagCheck : IClusterCheck
{
    public string Id => CheckIds.IntegrationServicesLag;

    public string Title => "Integration services up to date";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        var hosts = snapshot.Knowing(InventoryPart.IntegrationServices).ToDictionary(n => n.Name, n => n.Inventory!.IntegrationServices, StringComparer.OrdinalIgnoreCase);
        if (hosts.Count == 0)
        {
            yield break;
        }

        var newest = hosts.Values.Max()!;
        foreach (var vm in snapshot.Vms)
        {
            // 2016 and later: the guest's services say themselves whether they lag (ProtocolMismatch).
            if (vm.IntegrationServicesOutdated is { } outdated)
            {
                if (outdated)
                {
                    yield return Lagging(vm, $"{vm.Name}'s integration services report a protocol mismatch with their host (update them through Windows Update in the guest).");
                }

                continue;
            }

            var host = vm.OwnerNode is not null && hosts.TryGetValue(vm.OwnerNode, out var owned) ? owned : newest;
            if (host > Unknown && vm.IntegrationServices < host)
            {
                yield return Lagging(vm, $"{vm.Name} runs integration services {vm.IntegrationServices}; its host offers {host}.");
            }
        }

        var rows = ParityMatrix.Build(snapshot).Where(r => r.Category == ParityCategories.IntegrationServices);
        foreach (var finding in ParityFindings.For(snapshot.Name, rows, Id, KbIds.DuplicateIpApipa, _ => Severity.Low, "integration services version"))
        {
            yield return finding;
        }
    }

    private static readonly Version Unknown = new(0, 0);

    private Finding Lagging(ClusteredVm vm, string evidence) =>
        new(Id, Severity.Medium, vm.Name, $"{evidence} After a failover it may come up with an APIPA or duplicate address.", KbIds.DuplicateIpApipa)
        {
            Vms = [vm.Name],
            Nodes = vm.OwnerNode is null ? [] : [vm.OwnerNode],
        };
}
