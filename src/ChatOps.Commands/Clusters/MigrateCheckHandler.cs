using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Planning;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Clusters;

/// <summary>
/// <c>migrate-check &lt;vm&gt; [node]</c>: read-only — whether a VM can live-migrate to a node (or to each
/// other node), and what blocks it: node state, processor vendor, model and compatibility, microcode and
/// speculation-control settings, free memory, its storage, a shared live-migration network.
/// </summary>
internal sealed class MigrateCheckHandler(IClusterGateway gateway, Links links) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "migrate-check",
        Summary = "Read-only: can a VM live-migrate to a node (or each node), and what blocks it — processor compatibility, microcode, memory, storage, networks.",
        Usage = "migrate-check <vm> [node]",
        Examples = ["migrate-check {vm}", "migrate-check {vm} {node}"],
        Arguments = [new ArgumentSpec("vm"), new ArgumentSpec("node", Required: false)],
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var typed = request.Argument("vm")!;
        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        if (ClusterText.Match(typed, snapshot.Vms.Select(v => v.Name)) is not { } name)
        {
            return ClusterText.Unknown("VM", typed, snapshot.Vms.Select(v => v.Name), "vms");
        }

        string? node = null;
        if (request.Argument("node") is { } typedNode)
        {
            node = ClusterText.Match(typedNode, snapshot.Nodes.Select(n => n.Name));
            if (node is null)
            {
                return ClusterText.Unknown("node", typedNode, snapshot.Nodes.Select(n => n.Name), "nodes");
            }
        }

        var vm = snapshot.FindVm(name)!;
        var targets = MigrationReadiness.Check(snapshot, vm, node);
        var ready = targets.Count(t => t.IsReady);
        var from = vm.OwnerNode ?? "no owner";
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(
                node is not null
                    ? (targets[0].IsReady ? $"Nothing known blocks moving {vm.Name} from {from} to {node}." : $"{vm.Name} cannot live-migrate from {from} to {node}: {targets[0].Blockers[0]}")
                    : $"{vm.Name} (on {from}) can live-migrate to {ready} of {targets.Count} other node(s).",
                ready == targets.Count ? TextStyle.Good : TextStyle.Attention),
            new TableBlock(["Node", "Verdict", "Why"], [.. targets.OrderByDescending(t => t.IsReady).ThenBy(t => t.Node, StringComparer.OrdinalIgnoreCase).Select(t => (IReadOnlyList<TableCell>)
            [
                t.Node,
                new TableCell(t.IsReady ? (t.Warnings.Count == 0 ? "ready" : "ready, with warnings") : "blocked", t.IsReady ? (t.Warnings.Count == 0 ? CellStatus.Ok : CellStatus.Warning) : CellStatus.Attention),
                t.Blockers.Count > 0 ? t.Blockers[0] : t.Warnings.Count > 0 ? t.Warnings[0] : "—",
            ])]),
        };
        var details = targets.SelectMany(t => t.Blockers.Select(b => $"**{t.Node}** blocker: {b}").Concat(t.Warnings.Select(w => $"**{t.Node}** warning: {w}"))).Distinct().ToList();
        if (details.Count > 0)
        {
            blocks.Add(new ListBlock(details));
        }

        var unknown = targets.SelectMany(t => t.Unknown).Distinct().ToList();
        blocks.Add(new TextBlock("Not judged: " + string.Join(" ", unknown), TextStyle.Subtle));
        blocks.Add(new LinksBlock([links.Runbook(KbIds.LiveMigrationFailed)]));
        return new Reply { Heading = node is null ? $"Live migration of {vm.Name}" : $"Live migration of {vm.Name} to {node}", Blocks = blocks };
    }
}
