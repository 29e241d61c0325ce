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
        var hosts = snapshot.Reachable.ToDictionary(n => n.Name, n => n.Inventory!.IntegrationServices, StringComparer.OrdinalIgnoreCase);
        if (hosts.Count == 0)
        {
            yield break;
        }

        var newest = hosts.Values.Max()!;
        foreach (var vm in snapshot.Vms)
        {
            var host = vm.OwnerNode is not null && hosts.TryGetValue(vm.OwnerNode, out var owned) ? owned : newest;
            if (vm.IntegrationServices < host)
            {
                yield return new Finding(Id, Severity.Medium, vm.Name,
                    $"{vm.Name} runs integration services {vm.IntegrationServices}; its host offers {host}. After a failover it may come up with an APIPA or duplicate address.",
                    KbIds.DuplicateIpApipa) { Vms = [vm.Name], Nodes = vm.OwnerNode is null ? [] : [vm.OwnerNode] };
            }
        }

        var rows = ParityMatrix.Build(snapshot).Where(r => r.Category == ParityCategories.IntegrationServices);
        foreach (var finding in ParityFindings.For(snapshot.Name, rows, Id, KbIds.DuplicateIpApipa, _ => Severity.Low, "integration services version"))
        {
            yield return finding;
        }
    }
}
