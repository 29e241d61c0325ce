using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Clusters;

/// <summary><c>node &lt;name&gt;</c>: one node's state, hardware, NICs, drivers, firmware, hotfixes, VMs and findings.</summary>
internal sealed class NodeHandler(IClusterGateway gateway, FindingBlocks findingBlocks) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "node",
        Summary = "One node: state, memory, hardware, NICs, drivers, firmware and hotfixes (outliers marked), VMs and findings.",
        Usage = "node <name>",
        Examples = ["node {node}"],
        Arguments = [new ArgumentSpec("name")],
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var typed = request.Argument("name")!;
        var names = await gateway.GetNodeNamesAsync(cancellationToken);
        if (ClusterText.Match(typed, names) is not { } name)
        {
            return ClusterText.Unknown("node", typed, names, "nodes");
        }

        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        var node = snapshot.FindNode(name)!;
        var findings = ClusterChecks.RunAll(snapshot).Findings.Where(f => f.ConcernsNode(name)).ToList();
        var blocks = new List<ReplyBlock>();
        var vms = snapshot.VmsOwnedBy(name).Select(v => v.Name).ToList();
        var facts = new List<Fact>
        {
            new("State", node.State.ToString(), ClusterText.Status(node.State)),
            new("Site", node.Site),
            new("VMs owned", vms.Count == 0 ? "none" : $"{vms.Count}: {string.Join(", ", vms)}"),
        };
        if (node.Inventory is not { } inventory)
        {
            facts.Add(new Fact("Probe", ClusterText.Failure(node), CellStatus.Attention));
            blocks.Add(new FactsBlock(facts));
            blocks.Add(new TextBlock($"Partial: {name} did not answer, so its inventory is unknown; only the cluster's view is shown.", TextStyle.Warning));
        }
        else
        {
            facts.AddRange(Inventory(inventory, snapshot));
            blocks.Add(new FactsBlock(facts));
            blocks.AddRange(Tables(inventory, snapshot));
        }

        blocks.Add(new HeadingBlock(findings.Count == 0 ? "No findings for this node" : $"Findings ({findings.Count})", 3));
        blocks.AddRange(findingBlocks.List(findings));
        return new Reply { Heading = $"Node {name}", Blocks = blocks };
    }

    private static IEnumerable<Fact> Inventory(NodeInventory inventory, ClusterSnapshot snapshot)
    {
        var hw = inventory.Hardware;
        var flags = $"VT {Mark(hw.Virtualization)}, DEP {Mark(hw.Dep)}, x64 {Mark(hw.X64)}, SLAT {Mark(hw.Slat)}";
        var hwStatus = !(hw.Virtualization && hw.Dep && hw.X64) ? CellStatus.Attention : hw.Slat ? CellStatus.Ok : CellStatus.Warning;
        var others = snapshot.Knowing(InventoryPart.Hotfixes).Where(n => n.Name != inventory.Name).Select(n => n.Inventory!).ToList();
        var missing = !inventory.Knows(InventoryPart.Hotfixes) ? [] : others.SelectMany(o => o.Hotfixes).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(h => !inventory.Hotfixes.Contains(h, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        yield return new Fact("Memory", $"{Units.Gb(inventory.MemoryFreeMb)} free of {Units.Gb(inventory.MemoryTotalMb)}");
        yield return new Fact("Hardware", flags, hwStatus);
        yield return Known(inventory, InventoryPart.IntegrationServices, "Integration services offered") ?? new Fact("Integration services offered", inventory.IntegrationServices.ToString());
        yield return new Fact("HP ASR", inventory.AsrEnabled switch { true => "enabled", false => "disabled", null => "unknown" }, inventory.AsrEnabled == true ? CellStatus.Attention : CellStatus.Ok);
        yield return new Fact("BIOS", inventory.Bios ?? "unknown");
        if (Known(inventory, InventoryPart.Processor) is { } unreadProcessor)
        {
            yield return unreadProcessor;
        }
        else if (inventory.Processor is { } cpu)
        {
            yield return new Fact("Processor", $"{cpu.Name} ({cpu.Manufacturer}), microcode {cpu.Microcode ?? "unknown"}");
            yield return new Fact("Speculation control", $"{cpu.SpeculationControlText} — the configuration, not what is in effect");
        }
        yield return Known(inventory, InventoryPart.Hotfixes) ?? new Fact("Hotfixes", string.Join(", ", inventory.Hotfixes));
        if (missing.Count > 0)
        {
            yield return new Fact("Missing hotfixes", $"{string.Join(", ", missing)} (other nodes have them)", CellStatus.Attention);
        }

        yield return Known(inventory, InventoryPart.Disks, "Disks visible")
            ?? new Fact("Disks visible", string.Join(", ", inventory.VisibleDisks), inventory.VisibleDisks.Count < snapshot.Disks.Count ? CellStatus.Attention : CellStatus.Ok);
        yield return Known(inventory, InventoryPart.HyperV, "Hyper-V registrations")
            ?? new Fact("Hyper-V registrations", $"{inventory.HyperVVms.Count} VM(s), {inventory.ConfigLinks.Count} config link(s)");
    }

    /// <summary>For a part the node could not read, the fact that says so (never an empty value that reads as "none"); null when it was read.</summary>
    private static Fact? Known(NodeInventory inventory, InventoryPart part, string? label = null) =>
        inventory.Knows(part)
            ? null
            : new Fact(label ?? part.ToString(), $"unknown: {inventory.WhyUnread(part)}", CellStatus.Unknown);

    private static IEnumerable<ReplyBlock> Tables(NodeInventory inventory, ClusterSnapshot snapshot)
    {
        var drivers = Majority.Of(snapshot, i => i.Drivers.Select(d => (d.DeviceClass, d.Version)));
        var firmware = Majority.Of(snapshot, i => i.Firmware.Select(f => (f.Component, f.Version)));
        yield return new TableBlock(["NIC", "Role", "Subnet", "Teamed"], inventory.Nics.Select(n => (IReadOnlyList<TableCell>)
        [
            n.Name, n.Role.ToString(), n.Subnet,
            new TableCell(n.Teamed ? "yes" : "no", n.Teamed && n.Role == NicRole.Iscsi ? CellStatus.Attention : CellStatus.None),
        ]).ToList());
        yield return new TableBlock(["Driver class", "Driver", "Version", "Most nodes"], inventory.Drivers.Select(d => (IReadOnlyList<TableCell>)
        [
            d.DeviceClass, d.Name, Versioned(d.Version, drivers.GetValueOrDefault(d.DeviceClass)), drivers.GetValueOrDefault(d.DeviceClass) ?? "-",
        ]).ToList());
        yield return new TableBlock(["Firmware", "Version", "Most nodes"], inventory.Firmware.Select(f => (IReadOnlyList<TableCell>)
        [
            f.Component, Versioned(f.Version, firmware.GetValueOrDefault(f.Component)), firmware.GetValueOrDefault(f.Component) ?? "-",
        ]).ToList());
    }

    private static TableCell Versioned(string version, string? majority) =>
        majority is null || majority == version ? new TableCell(version, CellStatus.Ok) : new TableCell(version + " (outlier)", CellStatus.Warning);

    private static string Mark(bool present) => present ? "yes" : "NO";
}
