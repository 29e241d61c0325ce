using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Planning;

/// <summary>
/// Live-migration readiness of a VM to each other node, from what the snapshot holds: the node's state,
/// the processors (vendor, model, processor compatibility, microcode, speculation-control settings),
/// free memory, the VM's storage and a shared live-migration network. Microsoft names differences between
/// nodes as the most common cause of failed migrations (learn.microsoft.com "Live migration overview",
/// "Processor compatibility mode in Hyper-V", "Set up hosts for live migration without Failover Clustering").
/// </summary>
public static class MigrationReadiness
{
    /// <summary>What is never readable from here: Kerberos constrained delegation lives on the computer objects in AD.</summary>
    public const string DelegationUnknown =
        "Kerberos constrained delegation is not read (it needs the AD module): if live migration authenticates with Kerberos, both computer accounts must be trusted for 'cifs' and 'Microsoft Virtual System Migration Service' to each other.";

    /// <summary>The VM's readiness for each destination: <paramref name="only"/>, or every node but its owner.</summary>
    public static IReadOnlyList<MigrationTarget> Check(ClusterSnapshot snapshot, ClusteredVm vm, string? only = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(vm);
        var source = vm.OwnerNode is { } owner ? snapshot.FindNode(owner) : null;
        return snapshot.Nodes
            .Where(n => only is null ? !n.Name.Equals(vm.OwnerNode, StringComparison.OrdinalIgnoreCase) : n.Name.Equals(only, StringComparison.OrdinalIgnoreCase))
            .Select(n => To(snapshot, vm, source, n))
            .ToList();
    }

    private static MigrationTarget To(ClusterSnapshot snapshot, ClusteredVm vm, NodeResult? source, NodeResult target)
    {
        var blockers = new List<string>();
        var warnings = new List<string>();
        var unknown = new List<string>();
        if (target.Name.Equals(vm.OwnerNode, StringComparison.OrdinalIgnoreCase))
        {
            blockers.Add($"{vm.Name} already runs on {target.Name}.");
        }

        if (target.State != NodeState.Up)
        {
            blockers.Add($"{target.Name} is {target.State}: the cluster places no VM on it.");
        }

        if (target.Status is NodeStatusInformation.Quarantined or NodeStatusInformation.Isolated)
        {
            blockers.Add($"{target.Name} is {target.Status}: it takes no VMs until it is healthy again.");
        }

        if (target.Inventory is not { } to)
        {
            unknown.Add($"{target.Name} did not answer: its processor, memory and disks are unknown.");
            return new MigrationTarget(target.Name, blockers, warnings, [.. unknown, DelegationUnknown]);
        }

        Processors(vm, source?.Inventory?.Processor, source?.Name, to.Processor, target.Name, blockers, warnings, unknown);
        if (vm.StartupMemoryMb > to.MemoryFreeMb)
        {
            blockers.Add($"{vm.Name} needs {Units.Gb(vm.StartupMemoryMb)}; {target.Name} has {Units.Gb(Math.Max(0, to.MemoryFreeMb))} free.");
        }

        var disk = snapshot.Disks.FirstOrDefault(d => d.VolumeGuid == vm.ConfigVolume && vm.ConfigVolume != Guid.Empty);
        if (disk is not null && to.Knows(InventoryPart.Disks) && !to.VisibleDisks.Contains(disk.Id, StringComparer.OrdinalIgnoreCase))
        {
            blockers.Add($"{target.Name} cannot see {disk.Id}, where {vm.Name} is stored.");
        }
        else if (disk is not null && !to.Knows(InventoryPart.Disks))
        {
            unknown.Add($"Whether {target.Name} sees {disk.Id}: {to.WhyUnread(InventoryPart.Disks)}.");
        }
        else if (disk is not null && to.CsvAccess.FirstOrDefault(a => a.Csv.Equals(disk.Id, StringComparison.OrdinalIgnoreCase)) is { } access)
        {
            if (access.Mode == CsvIoMode.Paused)
            {
                blockers.Add($"I/O to {disk.Id}, where {vm.Name} is stored, is paused on {target.Name}.");
            }
            else if (access.IsRedirected && !access.IsExpected)
            {
                warnings.Add($"{target.Name} reaches {disk.Id} redirected ({string.Join(", ", access.Reasons)}): {vm.Name} would run slower there.");
            }
        }

        if (source?.Inventory is { } from)
        {
            if (from.WindowsVersion is { } a && to.WindowsVersion is { } b && a != b)
            {
                warnings.Add($"Mixed Windows builds: {source.Name} {from.OsBuild}, {target.Name} {to.OsBuild}. During a rolling upgrade VMs move both ways only while their configuration version is one the older build runs.");
            }

            var (fromSubnets, toSubnets) = (Subnets(from), Subnets(to));
            if (fromSubnets.Count > 0 && toSubnets.Count > 0 && !fromSubnets.Intersect(toSubnets).Any())
            {
                warnings.Add($"{source.Name} and {target.Name} share no live-migration network: the move goes over another network, or fails if migration is limited to those.");
            }
        }

        unknown.Add(DelegationUnknown);
        return new MigrationTarget(target.Name, blockers, warnings, unknown);
    }

    private static void Processors(ClusteredVm vm, ProcessorInfo? from, string? sourceName, ProcessorInfo? to, string targetName, List<string> blockers, List<string> warnings, List<string> unknown)
    {
        if (from is null || to is null)
        {
            unknown.Add($"The processors of {sourceName ?? "the owner"} and {targetName} were not both read.");
            return;
        }

        if (!from.Manufacturer.Equals(to.Manufacturer, StringComparison.OrdinalIgnoreCase))
        {
            blockers.Add($"Processor vendor: {sourceName} is {from.Manufacturer}, {targetName} is {to.Manufacturer}. A running VM cannot move between vendors, not even with processor compatibility; shut it down and move it.");
            return;
        }

        if (!from.Name.Equals(to.Name, StringComparison.OrdinalIgnoreCase))
        {
            if (vm.ProcessorCompatibility == true)
            {
                warnings.Add($"Processor models differ ({from.Name} → {to.Name}); processor compatibility is on, so {vm.Name} sees only features both have.");
            }
            else
            {
                blockers.Add($"Processor compatibility: {vm.ProcessorCompatibility switch { false => "off", _ => "unknown" }} for {vm.Name}, and {sourceName} has {from.Name} while {targetName} has {to.Name}. Hyper-V refuses the move when the destination lacks a processor feature the VM uses; shut the VM down and turn it on (Set-VMProcessor -CompatibilityForMigrationEnabled $true), or pick a node with the same processor.");
            }
        }
        else if (from.Microcode is { } a && to.Microcode is { } b && !a.Equals(b, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add($"Microcode differs on the same processor: {sourceName} {a}, {targetName} {b}. A newer microcode can hide or expose features; bring the BIOS and firmware to one level.");
        }

        if (from.SpeculationControl != to.SpeculationControl)
        {
            warnings.Add($"Speculation-control settings differ: {sourceName} {from.SpeculationControlText}, {targetName} {to.SpeculationControlText} (the registry's configuration; what is in effect after the last reboot may differ).");
        }
    }

    private static List<string> Subnets(NodeInventory node) =>
        [.. node.Nics.Where(n => n.Role == NicRole.LiveMigration && n.Subnet.Length > 0).Select(n => n.Subnet)];
}
