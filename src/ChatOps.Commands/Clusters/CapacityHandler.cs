using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Clusters;

/// <summary><c>capacity</c>: N+1 — for each node, where its VMs would restart if it failed, and what would stay down.</summary>
internal sealed class CapacityHandler(IClusterGateway gateway, Links links) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "capacity",
        Summary = "N+1: for each node, which of its VMs would restart elsewhere and which would stay down; largest VM vs the most free memory.",
        Usage = "capacity",
        Examples = ["capacity"],
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        if (snapshot.ViewFailure is { } unreadable)
        {
            return new Reply
            {
                Heading = $"Capacity of {snapshot.Name}: unknown",
                Blocks = [new TextBlock($"I cannot read the cluster ({unreadable.Message}), so which nodes are up, and what would fail over where, is unknown.", TextStyle.Warning)],
            };
        }

        var rows = new List<IReadOnlyList<TableCell>>();
        var reasons = new List<string>();
        var nodes = snapshot.Nodes.Where(n => n.State is NodeState.Up or NodeState.Paused).ToList();
        foreach (var (node, plan) in nodes.Zip(FailoverPlanner.PlanEach(snapshot, nodes.Select(n => n.Name))))
        {
            var total = plan.Placements.Count + plan.StaysDown.Count + plan.NotRestarted.Count;
            var targets = plan.Placements.Select(p => p.To).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
            rows.Add(
            [
                node.Name,
                ClusterText.Number(total),
                plan.Placements.Count == 0 ? "none" : $"{plan.Placements.Count} → {string.Join(", ", targets)}",
                new TableCell(plan.StaysDown.Count == 0 ? "none" : string.Join(", ", plan.StaysDown.Select(d => d.Vm)), plan.StaysDown.Count == 0 ? CellStatus.Ok : CellStatus.Attention),
                plan.NotRestarted.Count == 0 ? "-" : string.Join(", ", plan.NotRestarted),
            ]);
            reasons.AddRange(plan.StaysDown.Select(d => $"If **{node.Name}** fails, {d.Vm} ({Units.Gb(d.MemoryMb)}, {d.Priority}) stays down: {d.Reason}."));
        }

        // A node that is already out is said to be out, in its own row, never silently left off the table.
        foreach (var node in snapshot.Nodes.Except(nodes))
        {
            rows.Add([node.Name, ClusterText.Number(snapshot.VmsOwnedBy(node.Name).Count()), new TableCell($"already {node.State}", ClusterText.Status(node.State)), "-", "-"]);
        }

        var blocks = new List<ReplyBlock> { new FactsBlock(Headroom(snapshot)), new TableBlock(["If this node fails", "VMs", "Restart on", "Stay down", "Left off (NoAutoStart)"], rows) };
        if (reasons.Count > 0)
        {
            blocks.Add(new ListBlock(reasons));
        }

        var notUp = snapshot.Nodes.Where(n => n.State != NodeState.Up).Select(n => $"{n.Name} ({n.State})").ToList();
        if (notUp.Count > 0)
        {
            blocks.Add(new TextBlock($"{string.Join(", ", notUp)} take(s) no failovers while not Up; every plan above counts without them.", TextStyle.Warning));
        }

        if (ClusterText.Partial(snapshot) is { } partial)
        {
            blocks.Add(partial);
        }

        blocks.Add(new LinksBlock([links.Runbook(KbIds.FailoverCapacityReserve)]));
        return new Reply { Heading = $"Capacity of {snapshot.Name} (N+1)", Blocks = blocks };
    }

    private static List<Fact> Headroom(ClusterSnapshot snapshot)
    {
        var facts = new List<Fact>();
        var largest = snapshot.Vms.Where(ClusterText.IsRunning).OrderByDescending(v => v.StartupMemoryMb).FirstOrDefault();
        if (largest is null)
        {
            facts.Add(new Fact("Largest VM", "no VM is running"));
            return facts;
        }

        // As the failover planner counts: a node whose Hyper-V does not answer cannot start the VM.
        var roomiest = snapshot.Knowing(InventoryPart.HyperV)
            .Where(n => n.State == NodeState.Up && !n.Name.Equals(largest.OwnerNode, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(n => n.Inventory!.MemoryFreeMb)
            .FirstOrDefault();
        facts.Add(new Fact("Largest VM", $"{largest.Name}: {Units.Gb(largest.StartupMemoryMb)} ({largest.Priority}) on {largest.OwnerNode ?? "no node"}"));
        if (roomiest is null)
        {
            facts.Add(new Fact("Most free memory elsewhere", "no other node is Up and answering", CellStatus.Attention));
            return facts;
        }

        var fits = roomiest.Inventory!.MemoryFreeMb >= largest.StartupMemoryMb;
        facts.Add(new Fact("Most free memory elsewhere", $"{Units.Gb(roomiest.Inventory.MemoryFreeMb)} on {roomiest.Name} — the largest VM {(fits ? "fits" : "does NOT fit")}",
            fits ? CellStatus.Ok : CellStatus.Attention));
        var free = snapshot.Reachable.Where(n => n.State == NodeState.Up).Sum(n => n.Inventory!.MemoryFreeMb);
        facts.Add(new Fact("Free memory on Up nodes", Units.Gb(free)));
        return facts;
    }
}
