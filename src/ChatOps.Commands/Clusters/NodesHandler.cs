using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Clusters;

/// <summary><c>nodes</c>: every node's state, memory, VMs and findings in one table.</summary>
internal sealed class NodesHandler(IClusterGateway gateway) : ICommandHandler
{
    /// <summary>Below this share of free memory a node is flagged.</summary>
    private const double LowMemory = 0.10;

    public static readonly CommandDefinition Definition = new()
    {
        Name = "nodes",
        Summary = "Every node: state, site, free and total memory, VMs and findings.",
        Usage = "nodes",
        Examples = ["nodes"],
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        var findings = ClusterChecks.RunAll(snapshot).Findings;
        var rows = snapshot.Nodes.Select(n =>
        {
            var mine = findings.Where(f => f.ConcernsNode(n.Name)).ToList();
            var vms = snapshot.VmsOwnedBy(n.Name).ToList();
            return (IReadOnlyList<TableCell>)
            [
                n.Name,
                new TableCell(n.State.ToString(), ClusterText.Status(n.State)),
                n.Site,
                Memory(n),
                $"{ClusterText.Number(vms.Count(ClusterText.IsRunning))} running / {ClusterText.Number(vms.Count)}",
                new TableCell(mine.Count == 0 ? "none" : ClusterText.Counts(mine), ClusterText.Worst(mine)),
            ];
        }).ToList();
        var blocks = new List<ReplyBlock> { new TableBlock(["Node", "State", "Site", "Memory free / total", "VMs", "Findings"], rows) };
        if (ClusterText.Partial(snapshot) is { } partial)
        {
            blocks.Add(partial);
        }

        blocks.Add(new TextBlock("`node <name>` shows one node's inventory and findings.", TextStyle.Subtle));
        return new Reply { Heading = $"Nodes of {snapshot.Name}", Blocks = blocks };
    }

    private static TableCell Memory(NodeResult node)
    {
        if (node.Inventory is not { } inventory)
        {
            return new TableCell($"no answer ({node.Failure?.Kind})", CellStatus.Attention);
        }

        // Free memory is good only on a node that can take VMs: a Down or Paused node's is not there for a failover.
        var low = inventory.MemoryFreeMb < inventory.MemoryTotalMb * LowMemory;
        var text = $"{Units.Gb(inventory.MemoryFreeMb)} / {Units.Gb(inventory.MemoryTotalMb)}";
        return node.State != NodeState.Up ? new TableCell($"{text} ({node.State}: takes no VMs)")
            : new TableCell(text, low ? CellStatus.Warning : CellStatus.Ok);
    }
}
