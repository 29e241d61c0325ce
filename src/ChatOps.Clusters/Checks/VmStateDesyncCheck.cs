using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// The cluster's group state and Hyper-V's state must agree. Rules: Online but off, saved or
/// missing on the owner; Offline or Failed but running somewhere; registered on a non-owner
/// node; running on two nodes. (A Critical state is its own check, <see cref="VmCriticalStateCheck"/>.) An
/// owner whose Hyper-V could not be read is not judged.
/// </summary>
internal sealed class VmStateDesyncCheck : IClusterCheck
{
    public string Id => CheckIds.VmStateDesync;

    public string Title => "Cluster and Hyper-V agree on each VM";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        // Only nodes whose Hyper-V was read: a node whose cluster service is stopped still says what it runs.
        var reachable = snapshot.Knowing(InventoryPart.HyperV).Select(n => n.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var vm in snapshot.Vms)
        {
            var reasons = new List<string>();
            var severity = Severity.High;
            var ownerKnown = vm.OwnerNode is not null && reachable.Contains(vm.OwnerNode);
            var onOwner = vm.OwnerHyperVState;
            if (vm.GroupState is VmGroupState.Online or VmGroupState.PartialOnline && ownerKnown &&
                (onOwner is null || onOwner.Value.Normal() is HyperVState.Off or HyperVState.Saved))
            {
                reasons.Add($"the cluster says {vm.GroupState} on {vm.OwnerNode} but Hyper-V there says {(onOwner?.ToString() ?? "not registered")}");
            }

            var running = vm.HostStates.Where(h => h.State.IsRunning()).ToList();
            if (vm.GroupState is VmGroupState.Offline or VmGroupState.Failed && running.Count > 0)
            {
                reasons.Add($"the cluster says {vm.GroupState} but Hyper-V runs it on {string.Join(", ", running.Select(r => r.Node))}");
            }

            foreach (var other in vm.HostStates.Where(h => !string.Equals(h.Node, vm.OwnerNode, StringComparison.OrdinalIgnoreCase)))
            {
                reasons.Add($"it is registered on {other.Node} ({other.State}), which is not its owner");
            }

            if (running.Count > 1)
            {
                severity = Severity.Critical;
                reasons.Add($"it runs on {running.Count} nodes at once ({string.Join(", ", running.Select(r => r.Node))})");
            }

            if (reasons.Count > 0)
            {
                var nodes = vm.HostStates.Select(h => h.Node).Append(vm.OwnerNode).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                yield return new Finding(Id, severity, vm.Name, $"{vm.Name}: {string.Join("; ", reasons)}.", KbIds.VmStateDesync) { Vms = [vm.Name], Nodes = nodes };
            }
        }
    }
}
