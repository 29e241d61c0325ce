using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>VMs holding a 169.254.x.x address, or two VMs claiming one address, after failovers.</summary>
internal sealed class ApipaDuplicateIpCheck : IClusterCheck
{
    public string Id => CheckIds.ApipaDuplicateIp;

    public string Title => "No APIPA or duplicate VM addresses";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var vm in snapshot.Vms)
        {
            List<string>? apipa = null;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var address in vm.Nics.SelectMany(n => n.Addresses))
            {
                if (address.StartsWith("169.254.", StringComparison.Ordinal))
                {
                    (apipa ??= []).Add(address);
                }
                else if (seen.Add(address))
                {
                    if (!owners.TryGetValue(address, out var list))
                    {
                        owners[address] = list = [];
                    }

                    list.Add(vm.Name);
                }
            }

            if (apipa is not null)
            {
                yield return new Finding(Id, Severity.High, vm.Name,
                    $"{vm.Name} has the APIPA address {string.Join(", ", apipa)} (integration services {vm.IntegrationServices}); it is unreachable by its real address.",
                    KbIds.DuplicateIpApipa) { Vms = [vm.Name], Nodes = vm.OwnerNode is null ? [] : [vm.OwnerNode] };
            }
        }

        foreach (var (address, vms) in owners.Where(o => o.Value.Count > 1).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            yield return new Finding(Id, Severity.High, vms[0],
                $"{address} is claimed by {string.Join(" and ", vms)}.", KbIds.DuplicateIpApipa) { Vms = vms };
        }
    }
}
