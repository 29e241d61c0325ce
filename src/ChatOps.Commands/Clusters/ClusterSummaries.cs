using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Clusters;

/// <summary>A short card and one line for a node or a VM, where there is room for little (the compose box's results).</summary>
/// <param name="Card">The card: a few facts, coloured as <c>node</c> and <c>vm</c> colour them.</param>
/// <param name="Line">One line for a result list.</param>
public sealed record ClusterSummary(Reply Card, string Line);

/// <summary>
/// Summaries that never look healthier than <c>diagnose</c>: they carry the same checks' findings for
/// their subject, and a finding colours the state it is about (a VM the cluster calls Online while
/// Hyper-V says Saved is a desync, not a green Online).
/// </summary>
public static class ClusterSummaries
{
    public static ClusterSummary Node(ClusterSnapshot snapshot, NodeResult node, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(node);
        var mine = findings.Where(f => f.ConcernsNode(node.Name)).ToList();
        var vms = snapshot.VmsOwnedBy(node.Name).Count();
        var state = node.IsReachable ? $"{node.State}, site {node.Site}, {vms} VM(s)" : $"{node.State}, site {node.Site}; did not answer: {node.Failure?.Message}";
        var facts = new List<Fact>
        {
            new("State", node.State.ToString(), Worse(ClusterText.Status(node.State), mine)),
            new("Site", node.Site),
            new("VMs", ClusterText.Number(vms)),
            FindingsFact(mine),
        };
        return Summary($"Node {node.Name}", state, facts, mine);
    }

    public static ClusterSummary Vm(ClusteredVm vm, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var mine = findings.Where(f => f.ConcernsVm(vm.Name)).ToList();
        var desynced = mine.Any(f => f.CheckId == CheckIds.VmStateDesync);
        var hyperV = ClusterText.HyperVStates(vm) ?? ClusterText.NotRegistered;
        var cluster = $"{vm.GroupState} on {vm.OwnerNode ?? "no node"}";
        var facts = new List<Fact>
        {
            new("Cluster says", cluster, Worse(ClusterText.Status(vm.GroupState), mine)),
            new("Hyper-V says", hyperV, desynced ? CellStatus.Attention : CellStatus.None),
            FindingsFact(mine),
        };
        return Summary($"VM {vm.Name}", desynced ? $"{cluster}, but Hyper-V says {hyperV}" : cluster, facts, mine);
    }

    private static ClusterSummary Summary(string title, string state, List<Fact> facts, IReadOnlyList<Finding> mine) =>
        new(new Reply { Heading = title, Blocks = [new FactsBlock(facts)] }, mine.Count == 0 ? state : $"{state} · {ClusterText.Counts(mine)}");

    /// <summary>The most severe finding's sentence: the one line <c>diagnose</c> would lead with for this subject.</summary>
    private static Fact FindingsFact(IReadOnlyList<Finding> mine)
    {
        if (mine.Count == 0)
        {
            return new Fact("Findings", "none");
        }

        var worst = mine.OrderBy(f => f.Severity).First();
        return new Fact("Findings", $"{ClusterText.Counts(mine)}; {worst.Evidence} (runbook `{worst.KbId}`)", ClusterText.Worst(mine));
    }

    /// <summary>A state shown green only while nothing is found about its subject; a finding's colour when it is worse.</summary>
    private static CellStatus Worse(CellStatus state, IReadOnlyList<Finding> mine)
    {
        if (mine.Count == 0 || state is CellStatus.Attention or CellStatus.Unknown)
        {
            return state;
        }

        var worst = ClusterText.Worst(mine);
        return worst != CellStatus.None ? worst : state == CellStatus.Ok ? CellStatus.None : state;
    }
}
