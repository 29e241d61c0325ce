using System.Runtime.CompilerServices;
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
    /// <summary>Disks each node sees, worked out once per snapshot: the capacity check plans once per node.</summary>
    private static readonly ConditionalWeakTable<ClusterSnapshot, Dictionary<string, HashSet<string>>> VisibleDisks = [];

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
        var visible = VisibleDisks.GetValue(snapshot, s => s.Nodes.Where(n => n.Inventory is not null)
            .ToDictionary(n => n.Name, n => n.Inventory!.VisibleDisks.ToHashSet(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase));
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

            var target = Choose(vm, disk, free, visible);
            if (target is null)
            {
                var candidates = free.Keys.Where(n => Sees(n, disk, visible)).ToList();
                down.Add(new Unplaced(vm.Name, from, vm.StartupMemoryMb, vm.Priority, WhyNot(vm, disk, candidates, free)));
                continue;
            }

            free[target] -= vm.StartupMemoryMb;
            placements.Add(new Placement(vm.Name, from, target, vm.StartupMemoryMb, vm.Priority));
        }

        return new FailoverPlan([.. excluded.Order(StringComparer.OrdinalIgnoreCase)], placements, down, notRestarted, [.. free.Keys.Order(StringComparer.OrdinalIgnoreCase)]);
    }

    private static string? Choose(ClusteredVm vm, ClusterDisk? disk, Dictionary<string, long> free, Dictionary<string, HashSet<string>> visible)
    {
        foreach (var preferred in vm.PreferredOwners)
        {
            if (free.TryGetValue(preferred, out var room) && room >= vm.StartupMemoryMb && Sees(preferred, disk, visible))
            {
                return free.Keys.First(k => k.Equals(preferred, StringComparison.OrdinalIgnoreCase));
            }
        }

        return MostFree(free.Where(f => f.Value >= vm.StartupMemoryMb && Sees(f.Key, disk, visible)));
    }

    private static bool Sees(string node, ClusterDisk? disk, Dictionary<string, HashSet<string>> visible) =>
        disk is null || (visible.TryGetValue(node, out var disks) && disks.Contains(disk.Id));

    /// <summary>The node with the most free memory, ties to the first name; one pass, no sort.</summary>
    private static string? MostFree(IEnumerable<KeyValuePair<string, long>> nodes)
    {
        KeyValuePair<string, long>? best = null;
        foreach (var node in nodes)
        {
            if (best is not { } b || node.Value > b.Value || (node.Value == b.Value && StringComparer.OrdinalIgnoreCase.Compare(node.Key, b.Key) < 0))
            {
                best = node;
            }
        }

        return best?.Key;
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

        var best = MostFree(candidates.Select(c => new KeyValuePair<string, long>(c, free[c])))!;
        return $"needs {Units.Gb(vm.StartupMemoryMb)}; the most free memory left on a candidate is {Units.Gb(free[best])} on {best}";
    }

    internal static bool IsRunning(ClusteredVm vm) =>
        vm.GroupState is VmGroupState.Online or VmGroupState.PartialOnline or VmGroupState.Pending;
}
