using System.Net;
using System.Net.Sockets;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;

namespace ChatOps.Clusters.Lab;

/// <summary>
/// What a crash does to VMs: they restart where the plan says (old integration services come
/// back with APIPA addresses), or stay down (a legacy NIC keeps answering ping). Config links
/// stay behind on the old node, as after any unplanned failover.
/// </summary>
internal sealed partial class LabCluster
{
    private List<NodeOutcome> ApplyFailover(string failedNode, FailoverPlan plan)
    {
        foreach (var vm in state.Vms.Where(v => string.Equals(v.Owner, failedNode, StringComparison.OrdinalIgnoreCase)))
        {
            vm.Hosts.Remove(failedNode);
            if (plan.NotRestarted.Contains(vm.Name))
            {
                vm.GroupState = VmGroupState.Offline;
                vm.RespondsToPing = vm.HasLegacyNic;
            }
        }

        return ApplyPlacements(plan, failedNode);
    }

    private List<NodeOutcome> ApplyPlacements(FailoverPlan plan, string crashedOn)
    {
        var outcomes = new List<NodeOutcome>();
        foreach (var group in plan.Placements.GroupBy(p => p.To, StringComparer.OrdinalIgnoreCase))
        {
            var names = new List<string>();
            var anyApipa = false;
            foreach (var placement in group)
            {
                var vm = state.FindVm(placement.Vm)!;
                var target = Require(placement.To);
                vm.Hosts.Remove(crashedOn);
                vm.Hosts[target.Name] = HyperVState.Running;
                vm.Owner = target.Name;
                vm.GroupState = VmGroupState.Online;
                vm.RespondsToPing = true;
                if (!target.ConfigLinks.Contains(vm.Id))
                {
                    target.ConfigLinks.Add(vm.Id);
                }

                var apipa = vm.IntegrationServices < target.IntegrationServices;
                anyApipa |= apipa;
                if (apipa)
                {
                    vm.Nics = vm.Nics.Select((n, i) => n with { Addresses = n.Addresses.Select(a => IsIpv4(a) ? LabIds.Apipa(vm.Id, i) : a).ToList() }).ToList();
                }

                names.Add(apipa ? $"{vm.Name} (APIPA address: integration services {vm.IntegrationServices} behind the host)" : vm.Name);
            }

            outcomes.Add(new NodeOutcome(group.Key, "Started " + string.Join(", ", names) + ".", anyApipa ? Severity.Medium : null));
        }

        foreach (var unplaced in plan.StaysDown)
        {
            var vm = state.FindVm(unplaced.Vm)!;
            vm.Hosts.Remove(crashedOn);
            vm.GroupState = VmGroupState.Failed;
            vm.RespondsToPing = vm.HasLegacyNic;
            outcomes.Add(new NodeOutcome(crashedOn, $"{vm.Name} stays Failed: {unplaced.Reason}.", Severity.High));
        }

        foreach (var name in plan.NotRestarted)
        {
            outcomes.Add(new NodeOutcome(crashedOn, $"{name} left off (priority NoAutoStart).", Severity.Medium));
        }

        return outcomes;
    }

    private static bool IsIpv4(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork;
}
