using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;

namespace ChatOps.Clusters.Lab;

/// <summary>The safe actions and their effect on the simulated cluster.</summary>
internal sealed partial class LabCluster
{
    public ClusterActionResult StopClusterService(string nodeName, bool allowQuorumLoss = false)
    {
        lock (_gate)
        {
            Count(ClusterAction.StopClusterService);
            var node = Require(nodeName);
            if (node.State == NodeState.Down)
            {
                return Result(ClusterAction.StopClusterService, node.Name, ActionStatus.Refused, $"The cluster service on {node.Name} is not running; it is already Down.", []);
            }

            // Checked again here, under the lab's lock, whatever the preview said: the cluster may have changed since.
            var snapshot = SnapshotLocked();
            var quorum = QuorumCalculator.WithoutNodes(snapshot, [node.Name]);
            if (!quorum.HasQuorum && !allowQuorumLoss)
            {
                return Result(ClusterAction.StopClusterService, node.Name, ActionStatus.Refused,
                    $"Without {node.Name} the cluster would lose quorum ({quorum.Explanation}); nothing was killed. Ask again with --force if that is intended.", []);
            }

            if (quorum.HasQuorum && allowQuorumLoss)
            {
                return Result(ClusterAction.StopClusterService, node.Name, ActionStatus.Refused,
                    $"The preview said quorum would be lost without {node.Name}, but the node counts it kept ({quorum.Explanation}). They disagree; nothing was killed. Ask again for a fresh preview.", []);
            }

            var plan = FailoverPlanner.Plan(snapshot, [node.Name]);
            node.State = NodeState.Down;
            node.ClusterServiceStopped = true;
            var outcomes = new List<NodeOutcome> { new(node.Name, "clussvc.exe killed; the node is Down and its VMs crashed.") };
            outcomes.AddRange(ApplyFailover(node.Name, plan));
            WriteNodeRemoved(node.Name, plan.StaysDown.Select(d => d.Vm));
            WriteStaleLinks(node);
            var summary = $"Stopped the cluster service on {node.Name}: {plan.Placements.Count} VM(s) restarted elsewhere, {plan.StaysDown.Count} stay down.";
            return Result(ClusterAction.StopClusterService, node.Name, ActionStatus.Succeeded, summary, outcomes);
        }
    }

    public ClusterActionResult KillVmWorker(string vmName)
    {
        lock (_gate)
        {
            Count(ClusterAction.KillVmWorker);
            var vm = state.FindVm(vmName) ?? throw new ArgumentException($"The lab has no VM '{vmName}'.", nameof(vmName));
            var host = vm.Hosts.Where(h => h.Value != HyperVState.Off)
                .Select(h => h.Key)
                .OrderBy(n => n.Equals(vm.Owner, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .FirstOrDefault();
            if (host is null)
            {
                return Result(ClusterAction.KillVmWorker, vm.Name, ActionStatus.Refused, $"{vm.Name} has no worker process: it is off on every node.", []);
            }

            if (Require(host).VmmsStopped)
            {
                return Result(ClusterAction.KillVmWorker, vm.Name, ActionStatus.Refused, $"Hyper-V on {host} did not answer (VMMS is stopped); nothing was killed.", []);
            }

            var snapshot = SnapshotLocked();
            var plan = FailoverPlanner.PlanVm(snapshot, snapshot.FindVm(vm.Name)!, host);
            var outcomes = new List<NodeOutcome> { new(host, $"vmwp.exe of {vm.Name} ({vm.Id}) killed; the VM crashed.") };
            foreach (var other in vm.Hosts.Keys.ToList())
            {
                vm.Hosts.Remove(other);
            }

            outcomes.AddRange(ApplyPlacements(plan, host));
            WriteRoleFailed(host, vm.Name, leftFailed: plan.Placements.Count == 0);
            var status = plan.Placements.Count > 0 ? "restarted on " + plan.Placements[0].To : "stays down";
            return Result(ClusterAction.KillVmWorker, vm.Name, ActionStatus.Succeeded, $"Killed the worker process of {vm.Name}; it {status}.", outcomes);
        }
    }

    public ClusterActionResult FlushDns(string nodeName)
    {
        lock (_gate)
        {
            Count(ClusterAction.FlushDns);
            var node = Require(nodeName);
            var cleared = node.StaleDns.ToList();
            node.StaleDns.Clear();
            var text = cleared.Count == 0
                ? "DNS client cache flushed; no stale entries were cached."
                : $"DNS client cache flushed; {cleared.Count} stale entr{(cleared.Count == 1 ? "y" : "ies")} cleared ({string.Join(", ", cleared)}).";
            return Result(ClusterAction.FlushDns, node.Name, ActionStatus.Succeeded, $"Flushed the DNS cache on {node.Name}.", [new NodeOutcome(node.Name, text)]);
        }
    }

    public ClusterActionResult RemoveStaleLink(string nodeName, Guid vmId)
    {
        lock (_gate)
        {
            Count(ClusterAction.RemoveStaleLink);
            var node = Require(nodeName);
            if (node.VmmsStopped)
            {
                return Result(ClusterAction.RemoveStaleLink, node.Name, ActionStatus.Refused,
                    $"Hyper-V on {node.Name} did not answer (VMMS is stopped), so it is not known which VMs are registered there; nothing was removed.", [new NodeOutcome(node.Name, "Link kept.")]);
            }

            var vm = state.Vms.FirstOrDefault(v => v.Id == vmId);
            if (vm is not null && vm.Hosts.TryGetValue(node.Name, out var hv))
            {
                var verb = hv.IsRunning() ? "runs" : $"is registered ({hv})";
                return Result(ClusterAction.RemoveStaleLink, node.Name, ActionStatus.Refused,
                    $"Refused: {vm.Name} ({vmId}) {verb} on {node.Name}; deleting its link would crash it.",
                    [new NodeOutcome(node.Name, "Link kept.")]);
            }

            if (!node.ConfigLinks.Remove(vmId))
            {
                return Result(ClusterAction.RemoveStaleLink, node.Name, ActionStatus.Failed, $"{node.Name} has no config link {vmId}.", [new NodeOutcome(node.Name, "Nothing removed.")]);
            }

            var named = vm is null ? "a VM the cluster does not know" : vm.Name;
            return Result(ClusterAction.RemoveStaleLink, node.Name, ActionStatus.Succeeded, $"Removed the stale config link {vmId} ({named}) from {node.Name}.",
                [new NodeOutcome(node.Name, $"Link {vmId} deleted; event 4096 for it should stop.")]);
        }
    }

    private static ClusterActionResult Result(ClusterAction action, string target, ActionStatus status, string summary, IReadOnlyList<NodeOutcome> outcomes) =>
        new(action, target, status, summary, outcomes);
}
