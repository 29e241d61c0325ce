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
        return PlanVms(snapshot, moving, failed, Visible(snapshot));
    }

    /// <summary>
    /// One plan per node, each as if only that node were lost, in the order given. Same answers
    /// as <see cref="Plan"/> per node, without re-scanning every VM and disk for each.
    /// </summary>
    public static IReadOnlyList<FailoverPlan> PlanEach(ClusterSnapshot snapshot, IEnumerable<string> nodes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(nodes);
        var running = snapshot.Vms.Where(v => v.OwnerNode is not null && IsRunning(v)).ToLookup(v => v.OwnerNode!, StringComparer.OrdinalIgnoreCase);
        var visible = Visible(snapshot);
        return nodes.Select(n => PlanVms(snapshot, [.. running[n]], new HashSet<string>(StringComparer.OrdinalIgnoreCase) { n }, visible)).ToList();
    }

    /// <summary>The plan for one VM that crashes on <paramref name="crashedOn"/> (it restarts elsewhere).</summary>
    public static FailoverPlan PlanVm(ClusterSnapshot snapshot, ClusteredVm vm, string crashedOn)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(vm);
        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { crashedOn };
        var plan = PlanVms(snapshot, [vm with { OwnerNode = crashedOn }], excluded, Visible(snapshot));
        return plan with { FailedNodes = [] };
    }

    /// <summary>The disks each node sees, for the nodes that could say; a node that could not is assumed to see them, as the cluster would try it.</summary>
    private static Dictionary<string, HashSet<string>> Visible(ClusterSnapshot snapshot) =>
        snapshot.Knowing(InventoryPart.Disks)
            .ToDictionary(n => n.Name, n => n.Inventory!.VisibleDisks.ToHashSet(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

    private static FailoverPlan PlanVms(ClusterSnapshot snapshot, List<ClusteredVm> moving, HashSet<string> excluded, Dictionary<string, HashSet<string>> visible)
    {
        var targets = snapshot.Nodes
            // A node whose Hyper-V cannot be read (VMMS stopped) cannot start a VM either.
            .Where(n => n.State == NodeState.Up && n.Inventory?.Knows(InventoryPart.HyperV) == true && !excluded.Contains(n.Name))
            .Select(n => new Target(n.Name, n.Inventory!.MemoryFreeMb))
            .ToList();
        var byDisk = new Dictionary<string, List<Target>>(StringComparer.OrdinalIgnoreCase);
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
                down.Add(new Unplaced(vm.Name, from, vm.StartupMemoryMb, vm.Priority, $"its config references volume {vm.ConfigVolume}, which no longer exists", UnplacedCause.ConfigVolumeGone));
                continue;
            }

            var candidates = disk is null ? targets : SeeingDisk(disk.Id);
            var target = Choose(vm, candidates);
            if (target is null)
            {
                var (why, cause) = WhyNot(vm, disk, candidates, targets.Count);
                down.Add(new Unplaced(vm.Name, from, vm.StartupMemoryMb, vm.Priority, why, cause));
                continue;
            }

            target.FreeMb -= vm.StartupMemoryMb;
            placements.Add(new Placement(vm.Name, from, target.Name, vm.StartupMemoryMb, vm.Priority));
        }

        return new FailoverPlan([.. excluded.Order(StringComparer.OrdinalIgnoreCase)], placements, down, notRestarted, [.. targets.Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase)]);

        List<Target> SeeingDisk(string diskId)
        {
            if (!byDisk.TryGetValue(diskId, out var list))
            {
                byDisk[diskId] = list = targets.Where(t => !visible.TryGetValue(t.Name, out var seen) || seen.Contains(diskId)).ToList();
            }

            return list;
        }
    }

    private static Target? Choose(ClusteredVm vm, List<Target> candidates)
    {
        foreach (var preferred in vm.PreferredOwners)
        {
            var match = candidates.FirstOrDefault(c => c.Name.Equals(preferred, StringComparison.OrdinalIgnoreCase));
            if (match is not null && match.FreeMb >= vm.StartupMemoryMb)
            {
                return match;
            }
        }

        var best = Roomiest(candidates);
        return best is not null && best.FreeMb >= vm.StartupMemoryMb ? best : null;
    }

    /// <summary>The candidate with the most free memory, ties to the first name; a linear scan because capacity plans every node.</summary>
    private static Target? Roomiest(List<Target> candidates)
    {
        Target? best = null;
        foreach (var candidate in candidates)
        {
            if (best is null || candidate.FreeMb > best.FreeMb ||
                (candidate.FreeMb == best.FreeMb && StringComparer.OrdinalIgnoreCase.Compare(candidate.Name, best.Name) < 0))
            {
                best = candidate;
            }
        }

        return best;
    }

    private static (string Why, UnplacedCause Cause) WhyNot(ClusteredVm vm, ClusterDisk? disk, List<Target> candidates, int targets)
    {
        if (targets == 0)
        {
            return ("no node is Up to take it", UnplacedCause.NoNodeUp);
        }

        if (candidates.Count == 0)
        {
            return ($"no surviving Up node sees its disk {disk?.Id}", UnplacedCause.DiskNotVisible);
        }

        var best = Roomiest(candidates)!;
        return ($"needs {Units.Gb(vm.StartupMemoryMb)}; the most free memory left on a candidate is {Units.Gb(best.FreeMb)} on {best.Name}", UnplacedCause.NoMemory);
    }

    /// <summary>Whether the VM is running as the cluster sees it, and so would crash with its node.</summary>
    public static bool IsRunning(ClusteredVm vm) =>
        vm.GroupState is VmGroupState.Online or VmGroupState.PartialOnline or VmGroupState.Pending;
}
