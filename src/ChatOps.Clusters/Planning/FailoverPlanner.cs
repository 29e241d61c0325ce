using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Planning;

/// <summary>
/// Predicts failover the way the cluster does it on 2008 R2, where memory cannot be
/// over-committed: VMs restart in priority order (High, Medium, Low; larger first within a
/// priority) on an Up node with enough free memory that sees the VM's storage, preferring
/// its preferred owners, otherwise the node with the most free memory. NoAutoStart VMs stay off.
/// </summary>
public static class FailoverPlanner
{
    /// <summary>The plan if every node in <paramref name="failedNodes"/> were lost now.</summary>
    public static FailoverPlan Plan(ClusterSnapshot snapshot, IReadOnlyCollection<string> failedNodes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(failedNodes);
        var failed = new HashSet<string>(failedNodes, StringComparer.OrdinalIgnoreCase);
        var moving = snapshot.Vms.Where(v => v.OwnerNode is not null && failed.Contains(v.OwnerNode) && IsRunning(v)).ToList();
        return PlanVms(snapshot, moving, failed);
    }

    /// <summary>The plan for one VM that crashes on <paramref name="crashedOn"/> (it restarts elsewhere).</summary>
    public static FailoverPlan PlanVm(ClusterSnapshot snapshot, ClusteredVm vm, string crashedOn)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(vm);
        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { crashedOn };
        var plan = PlanVms(snapshot, [vm with { OwnerNode = crashedOn }], excluded);
        return plan with { FailedNodes = [] };
    }

    private static FailoverPlan PlanVms(ClusterSnapshot snapshot, List<ClusteredVm> moving, HashSet<string> excluded)
    {
        var free = snapshot.Nodes
            .Where(n => n.State == NodeState.Up && n.Inventory is not null && !excluded.Contains(n.Name))
            .ToDictionary(n => n.Name, n => n.Inventory!.MemoryFreeMb, StringComparer.OrdinalIgnoreCase);
        var visible = snapshot.Nodes.Where(n => n.Inventory is not null)
            .ToDictionary(n => n.Name, n => n.Inventory!.VisibleDisks.ToHashSet(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        var placements = new List<Placement>();
        var down = new List<Unplaced>();
        var notRestarted = new List<string>();
        var ordered = moving
            .OrderBy(v => v.Priority)
            .ThenByDescending(v => v.StartupMemoryMb)
            .ThenBy(v => v.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var vm in ordered)
        {
            var from = vm.OwnerNode!;
            if (vm.Priority == FailoverPriority.NoAutoStart)
            {
                notRestarted.Add(vm.Name);
                continue;
            }

            var disk = snapshot.Disks.FirstOrDefault(d => d.VolumeGuid == vm.ConfigVolume);
            if (disk is null && vm.ConfigVolume != Guid.Empty)
            {
                down.Add(new Unplaced(vm.Name, from, vm.StartupMemoryMb, vm.Priority, $"its config references volume {vm.ConfigVolume}, which no longer exists"));
                continue;
            }

            var candidates = free.Keys.Where(n => disk is null || visible[n].Contains(disk.Id)).ToList();
            var target = Choose(vm, candidates, free);
            if (target is null)
            {
                down.Add(new Unplaced(vm.Name, from, vm.StartupMemoryMb, vm.Priority, WhyNot(vm, disk, candidates, free)));
                continue;
            }

            free[target] -= vm.StartupMemoryMb;
            placements.Add(new Placement(vm.Name, from, target, vm.StartupMemoryMb, vm.Priority));
        }

        return new FailoverPlan([.. excluded.Order(StringComparer.OrdinalIgnoreCase)], placements, down, notRestarted, [.. free.Keys.Order(StringComparer.OrdinalIgnoreCase)]);
    }

    private static string? Choose(ClusteredVm vm, List<string> candidates, Dictionary<string, long> free)
    {
        foreach (var preferred in vm.PreferredOwners)
        {
            var match = candidates.FirstOrDefault(c => c.Equals(preferred, StringComparison.OrdinalIgnoreCase));
            if (match is not null && free[match] >= vm.StartupMemoryMb)
            {
                return match;
            }
        }

        return candidates
            .Where(c => free[c] >= vm.StartupMemoryMb)
            .OrderByDescending(c => free[c])
            .ThenBy(c => c, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault();
    }

    private static string WhyNot(ClusteredVm vm, ClusterDisk? disk, List<string> candidates, Dictionary<string, long> free)
    {
        if (free.Count == 0)
        {
            return "no node is Up to take it";
        }

        if (candidates.Count == 0)
        {
            return $"no surviving Up node sees its disk {disk?.Id}";
        }

        var best = candidates.OrderByDescending(c => free[c]).ThenBy(c => c, StringComparer.OrdinalIgnoreCase).First();
        return $"needs {Units.Gb(vm.StartupMemoryMb)}; the most free memory left on a candidate is {Units.Gb(free[best])} on {best}";
    }

    internal static bool IsRunning(ClusteredVm vm) =>
        vm.GroupState is VmGroupState.Online or VmGroupState.PartialOnline or VmGroupState.Pending;
}
