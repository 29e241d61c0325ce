using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Clusters;

/// <summary><c>cluster</c>: the whole cluster at a glance.</summary>
internal sealed class ClusterHandler(IClusterGateway gateway) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "cluster",
        Summary = "The cluster at a glance: quorum, sites, nodes, VM states and open findings.",
        Usage = "cluster",
        Examples = ["cluster"],
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        var findings = ClusterChecks.RunAll(snapshot).Findings;
        var quorum = QuorumCalculator.Current(snapshot);
        var q = snapshot.Quorum;
        var witness = q.Witness == WitnessKind.None ? "none" : $"{q.Witness} {q.WitnessLocation} (site {q.WitnessSite ?? "unknown"})";
        var nodeStates = snapshot.Nodes.GroupBy(n => n.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}");
        var vmStates = snapshot.Vms.GroupBy(v => v.GroupState).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}");
        var facts = new List<Fact>
        {
            new("Cluster", snapshot.Name),
            new("Sites", snapshot.Sites.Count == 0 ? "one" : string.Join(", ", snapshot.Sites)),
            new("Quorum", q.Type.ToString()),
            new("Witness", witness),
            snapshot.ViewFailure is { } unreadable
                ? new Fact("Votes", $"unknown: the cluster cannot be read ({unreadable.Message})", CellStatus.Attention)
                : new Fact("Votes", quorum.Explanation, ClusterText.Status(quorum)),
            new("Nodes", $"{snapshot.Nodes.Count}: {string.Join(", ", nodeStates)}", snapshot.Nodes.All(n => n.State == NodeState.Up) ? CellStatus.Ok : CellStatus.Warning),
            new("VMs", $"{snapshot.Vms.Count}: {string.Join(", ", vmStates)}", snapshot.Vms.Any(v => v.GroupState == VmGroupState.Failed) ? CellStatus.Attention : CellStatus.None),
            new("Findings", ClusterText.Counts(findings), ClusterText.Worst(findings)),
        };
        var rows = snapshot.Nodes.Select(n => (IReadOnlyList<TableCell>)
        [
            n.Name,
            new TableCell(n.State.ToString(), ClusterText.Status(n.State)),
            n.Site,
            ClusterText.Number(snapshot.VmsOwnedBy(n.Name).Count(ClusterText.IsRunning)),
            n.Inventory is { } i ? new TableCell(Units.Gb(i.MemoryFreeMb)) : new TableCell("no answer", CellStatus.Attention),
        ]).ToList();
        var blocks = new List<ReplyBlock> { new FactsBlock(facts), new TableBlock(["Node", "State", "Site", "Running VMs", "Free memory"], rows) };
        if (ClusterText.Partial(snapshot) is { } partial)
        {
            blocks.Add(partial);
        }

        blocks.Add(new TextBlock("`diagnose` lists the findings with their runbooks; `nodes`, `vms` and `capacity` go deeper.", TextStyle.Subtle));
        return new Reply { Heading = $"Cluster {snapshot.Name}", Blocks = blocks };
    }
}
