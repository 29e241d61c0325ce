using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// N+1: for each Up node, would its running VMs restart on the others' free memory, in
/// priority order, each on one node? A VM left down is a finding (Critical when it is High priority).
/// </summary>
internal sealed class CapacityCheck : IClusterCheck
{
    public string Id => CheckIds.CapacityNPlus1;

    public string Title => "N+1 failover capacity";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        var up = snapshot.Nodes.Where(n => n.State == NodeState.Up).ToList();
        foreach (var (node, plan) in up.Zip(FailoverPlanner.PlanEach(snapshot, up.Select(n => n.Name))))
        {
            var memoryDown = plan.StaysDown.Where(d => !d.Reason.Contains("no longer exists", StringComparison.Ordinal)).ToList();
            if (memoryDown.Count == 0)
            {
                continue;
            }

            var severity = memoryDown.Any(d => d.Priority == FailoverPriority.High) ? Severity.Critical : Severity.High;
            var total = plan.Placements.Count + plan.StaysDown.Count;
            var down = string.Join("; ", memoryDown.Select(d => $"{d.Vm} ({Units.Gb(d.MemoryMb)}, {d.Priority}): {d.Reason}"));
            var paused = snapshot.Nodes.Where(n => n.State == NodeState.Paused).Select(n => n.Name).ToList();
            var hint = paused.Count > 0 ? $" Paused node(s) {string.Join(", ", paused)} take no failovers." : string.Empty;
            yield return new Finding(Id, severity, node.Name,
                $"If {node.Name} fails, {plan.Placements.Count} of {total} VMs restart and {memoryDown.Count} {(memoryDown.Count == 1 ? "stays" : "stay")} down for lack of memory: {down}.{hint}",
                KbIds.FailoverCapacityReserve) { Nodes = [node.Name], Vms = memoryDown.Select(d => d.Vm).ToList() };
        }
    }
}
