using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// A VM in one of Hyper-V's Critical states (Off-Critical, Saved-Critical, Paused-Critical and the
/// others): Hyper-V on that node cannot reach the VM's storage, so the VM cannot run there or, paused
/// or running, is cut off from its disks. Critical whatever the cluster says about the VM: its data is at risk now.
/// </summary>
internal sealed class VmCriticalStateCheck : IClusterCheck
{
    public string Id => CheckIds.VmCriticalState;

    public string Title => "No VM's storage is unreachable from its node (Hyper-V's Critical states)";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        foreach (var vm in snapshot.Vms)
        {
            var critical = vm.HostStates.Where(h => h.State.IsCritical()).ToList();
            if (critical.Count == 0)
            {
                continue;
            }

            var where = string.Join("; ", critical.Select(h => $"Hyper-V on {h.Node} reports {h.State} ({h.State.Normal()}, its storage unreachable from there)"));
            yield return new Finding(Id, Severity.Critical, vm.Name, $"{vm.Name}: {where}; the cluster says {vm.GroupState}.", KbIds.VmCriticalStates)
            {
                Vms = [vm.Name],
                Nodes = [.. critical.Select(h => h.Node)],
            };
        }
    }
}
