using System.Net;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Clusters;

/// <summary>
/// <c>vm &lt;name&gt;</c>: the cluster's state of a VM next to each node's Hyper-V state (a
/// desync is called out), owner, failover settings, NICs and addresses, integration services,
/// config volume, and findings.
/// </summary>
internal sealed class VmHandler(IClusterGateway gateway, FindingBlocks findingBlocks) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "vm",
        Summary = "One clustered VM: cluster state vs Hyper-V state on each node, owner, NICs and addresses, integration services, config volume, findings.",
        Usage = "vm <name>",
        Examples = ["vm {vm}"],
        Arguments = [new ArgumentSpec("name")],
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var typed = request.Argument("name")!;
        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        if (ClusterText.Match(typed, snapshot.Vms.Select(v => v.Name)) is not { } name)
        {
            return ClusterText.Unknown("VM", typed, snapshot.Vms.Select(v => v.Name), "vms");
        }

        var vm = snapshot.FindVm(name)!;
        var findings = ClusterChecks.RunAll(snapshot).Findings.Where(f => f.ConcernsVm(name)).ToList();
        var desync = findings.FirstOrDefault(f => f.CheckId == CheckIds.VmStateDesync);
        var blocks = new List<ReplyBlock>();
        if (desync is not null)
        {
            blocks.Add(new TextBlock($"State desync: {desync.Evidence} Hyper-V Manager shows the truth; see runbook `{desync.KbId}`.", TextStyle.Attention));
        }

        blocks.Add(new FactsBlock(Facts(vm, snapshot, desync is not null)));
        blocks.Add(new TableBlock(["Adapter", "Type", "Addresses"], vm.Nics.Select(n => (IReadOnlyList<TableCell>)
        [
            n.Name,
            new TableCell(n.Legacy ? "legacy (emulated)" : "synthetic", n.Legacy ? CellStatus.Warning : CellStatus.None),
            new TableCell(n.Addresses.Count == 0 ? "none reported" : string.Join(", ", n.Addresses), n.Addresses.Any(IsApipa) ? CellStatus.Attention : CellStatus.None),
        ]).ToList()));
        if (vm.OwnerNode is { } owner && snapshot.FindNode(owner) is { IsReachable: false } silent)
        {
            blocks.Add(new TextBlock($"Partial: the owner {owner} did not answer ({ClusterText.Failure(silent)}), so its Hyper-V state is unknown.", TextStyle.Warning));
        }

        foreach (var blind in snapshot.Reachable.Where(n => !n.Inventory!.Knows(InventoryPart.HyperV)))
        {
            blocks.Add(new TextBlock($"Partial: {blind.Name} {blind.Inventory!.WhyUnread(InventoryPart.HyperV)}, so whether this VM is registered there is unknown.", TextStyle.Warning));
        }

        blocks.Add(new HeadingBlock(findings.Count == 0 ? "No findings for this VM" : $"Findings ({findings.Count})", 3));
        blocks.AddRange(findingBlocks.List(findings));
        return new Reply { Heading = $"VM {vm.Name}", Blocks = blocks };
    }

    private static List<Fact> Facts(ClusteredVm vm, ClusterSnapshot snapshot, bool desynced)
    {
        var hostIs = vm.OwnerNode is { } o ? snapshot.FindNode(o)?.Inventory?.IntegrationServices : null;
        var disk = snapshot.Disks.FirstOrDefault(d => d.VolumeGuid == vm.ConfigVolume);
        var unread = snapshot.Reachable.Where(n => !n.Inventory!.Knows(InventoryPart.HyperV)).Select(n => n.Name).ToList();
        var hyperV = (ClusterText.HyperVStates(vm) ?? ClusterText.NotRegistered)
            + (unread.Count == 0 ? string.Empty : $"; unknown on {string.Join(", ", unread)}");
        return
        [
            new("Cluster state", $"{vm.GroupState} (owner {vm.OwnerNode ?? "none"})", ClusterText.Status(vm.GroupState)),
            new("Hyper-V state", hyperV, desynced ? CellStatus.Attention : CellStatus.Ok),
            new("Preferred owners", vm.PreferredOwners.Count == 0 ? "any node" : string.Join(", ", vm.PreferredOwners)),
            new("Failover priority", vm.Priority.ToString()),
            new("Startup memory", Units.Gb(vm.StartupMemoryMb)),
            new("Integration services", hostIs is not null && vm.IntegrationServices < hostIs ? $"{vm.IntegrationServices} (host offers {hostIs})" : vm.IntegrationServices.ToString(),
                hostIs is not null && vm.IntegrationServices < hostIs ? CellStatus.Warning : CellStatus.None),
            new("Config volume", disk is null ? $"{vm.ConfigVolume} (no clustered disk has this volume GUID)" : $"{vm.ConfigVolume} ({disk.Id})",
                disk is null && vm.ConfigVolume != Guid.Empty ? CellStatus.Attention : CellStatus.None),
            new("Answers ping", vm.RespondsToPing ? "yes" : "no"),
            new("VM id", vm.Id.ToString()),
        ];
    }

    private static bool IsApipa(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.GetAddressBytes() is [169, 254, _, _];
}
