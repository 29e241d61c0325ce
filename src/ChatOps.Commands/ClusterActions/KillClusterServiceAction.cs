using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;
using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Clusters;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.ClusterActions;

/// <summary>
/// <c>kill clussvc &lt;node&gt;</c>: the last resort for a hung node. The preview shows where each of
/// its VMs would restart, what stays down, and whether the cluster keeps quorum; losing quorum is
/// refused unless <c>--force</c>, and then a second admin must approve.
/// </summary>
internal sealed class KillClusterServiceAction(IClusterGateway gateway, Links links) : ISafeAction
{
    public static readonly CommandDefinition Command = new()
    {
        Name = "kill clussvc",
        Summary = "Forcibly stop the cluster service on a node so its VMs fail over (last resort).",
        Usage = "kill clussvc <node> [--force]",
        Examples = ["kill clussvc {node}"],
        Role = Role.Admin,
        Arguments = [new ArgumentSpec("node")],
        Flags = [new FlagSpec("force", "Ask even when the cluster would lose quorum; a second admin must then approve.")],
    };

    public CommandDefinition Definition => Command;

    public bool SecondApproverByDefault => true;

    public string CheckCommand(PendingAction action) => $"node {action.Target}";

    public bool IsDestructive => true;

    public string Describe(string target, string? detail) => $"Stop the cluster service on {target}";

    public async Task<ActionPlan> PlanAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        var typed = request.Argument("node");
        if (ClusterText.Match(typed, snapshot.Nodes.Select(n => n.Name)) is not { } name)
        {
            return ActionPlan.Refuse(Echo.Safe(typed), ClusterText.UnknownSentence("node", typed, snapshot.Nodes.Select(n => n.Name), "nodes"));
        }

        return PlanFor(snapshot, name, request.HasFlag("force"));
    }

    public async Task<ActionPlan> ReplanAsync(PendingAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        return snapshot.FindNode(action.Target) is null
            ? ActionPlan.Refuse(action.Target, $"{action.Target} is no longer a node of the cluster.")
            : PlanFor(snapshot, action.Target, action.Force);
    }

    private ActionPlan PlanFor(ClusterSnapshot snapshot, string name, bool force)
    {
        var node = snapshot.FindNode(name)!;
        if (snapshot.ViewFailure is { } unreadable || node.State == NodeState.Unknown)
        {
            var why = snapshot.ViewFailure?.Message ?? $"the cluster reports {name}'s state as Unknown";
            return ActionPlan.Refuse(name, $"The cluster cannot be read ({why}), so neither what fails over nor quorum can be known; nothing will be killed.");
        }

        if (node.State == NodeState.Down)
        {
            return ActionPlan.Refuse(name, $"{name} is already Down: its cluster service is not running, so there is nothing to kill.");
        }

        var plan = FailoverPlanner.Plan(snapshot, [name]);
        var quorum = QuorumCalculator.WithoutNodes(snapshot, [name]);
        var preview = Preview(snapshot, node, plan, quorum);
        var premises = Premises(snapshot, node, plan, quorum);
        if (quorum.HasQuorum)
        {
            return new ActionPlan { Target = name, Preview = preview, Premises = premises };
        }

        return force
            ? new ActionPlan { Target = name, Preview = preview, Premises = premises, ForceSecondApprover = true }
            : ActionPlan.Refuse(name,
                $"Without {name} the cluster loses quorum ({quorum.Explanation}) and every node stops its clustered VMs. " +
                "If that is really what you want, ask again with `--force`; a second admin must then approve.", preview);
    }

    /// <summary>What the admin agreed to: the node's state, which VMs crash, which stay down, and the quorum outcome.</summary>
    private static List<string> Premises(ClusterSnapshot snapshot, NodeResult node, FailoverPlan plan, QuorumAssessment quorum) =>
    [
        $"{node.Name} is {node.State}",
        $"VMs that crash: {Names(snapshot.VmsOwnedBy(node.Name).Select(v => v.Name))}",
        $"VMs that stay down: {Names(plan.StaysDown.Select(d => d.Vm).Concat(plan.NotRestarted))}",
        quorum.HasQuorum ? KeepsQuorum : LosesQuorum,
    ];

    private const string KeepsQuorum = "the cluster keeps quorum";

    private const string LosesQuorum = "the cluster loses quorum";

    private static string Names(IEnumerable<string> names)
    {
        var sorted = names.Order(StringComparer.OrdinalIgnoreCase).ToList();
        return sorted.Count == 0 ? "none" : string.Join(", ", sorted);
    }

    public async Task<Reply> ExecuteAsync(PendingAction action, DateTimeOffset notAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        // The premises were checked again just before this runs, so the verdict is the one the admins
        // confirmed; a loss of quorum got here only through --force and a second admin's approval. --force
        // on a preview that keeps quorum changes nothing: the node still refuses a loss it counts itself.
        var previewedLoss = action.Force && action.Premises.Contains(LosesQuorum, StringComparer.Ordinal);
        var result = await gateway.StopClusterServiceAsync(action.Target, allowQuorumLoss: previewedLoss, notAfter, cancellationToken);
        return ActionResultReply.From(result, new LinksBlock([links.Runbook(KbIds.KillClusterService, "What to check after a forced failover")]));
    }

    private List<ReplyBlock> Preview(ClusterSnapshot snapshot, NodeResult node, FailoverPlan plan, QuorumAssessment quorum)
    {
        var owned = snapshot.VmsOwnedBy(node.Name).ToList();
        // Counted from the lists the table shows: a VM that is not running (Offline) cannot crash, and is named apart.
        var crash = plan.Placements.Count + plan.StaysDown.Count + plan.NotRestarted.Count;
        var off = owned.Where(v => !FailoverPlanner.IsRunning(v)).Select(v => v.Name).ToList();
        var blocks = new List<ReplyBlock>
        {
            new FactsBlock(
            [
                new Fact("Node", $"{node.Name} ({node.State}, site {node.Site})", node.State == NodeState.Up ? CellStatus.None : CellStatus.Warning),
                new Fact("Its VMs", $"{crash} crash: {plan.Placements.Count} restart elsewhere, {plan.StaysDown.Count} stay down, {plan.NotRestarted.Count} not restarted automatically"
                    + (off.Count > 0 ? $"; not running, so untouched: {string.Join(", ", off)}" : string.Empty), plan.StaysDown.Count > 0 ? CellStatus.Attention : crash > 0 ? CellStatus.Warning : CellStatus.None),
                new Fact("Quorum", quorum.Explanation, ClusterText.Status(quorum)),
            ]),
        };
        var rows = plan.Placements
            .Select(p => (IReadOnlyList<TableCell>)[p.Vm, p.Priority.ToString(), Units.Gb(p.MemoryMb), new TableCell($"restarts on {p.To}")])
            .Concat(plan.StaysDown.Select(d => (IReadOnlyList<TableCell>)[d.Vm, d.Priority.ToString(), Units.Gb(d.MemoryMb), new TableCell($"stays down: {Why(d.Cause)}", CellStatus.Attention)]))
            .Concat(plan.NotRestarted.Select(vm => (IReadOnlyList<TableCell>)[vm, FailoverPriority.NoAutoStart.ToString(), string.Empty, new TableCell("not restarted automatically", CellStatus.Warning)]))
            .ToList();
        if (rows.Count > 0)
        {
            blocks.Add(new TableBlock(["VM", "Priority", "Memory", "After the kill"], rows));
        }

        blocks.Add(new HeadingBlock("Before you do this", 3));
        blocks.Add(new ListBlock(BeforeYouDoThis(snapshot, node, owned, plan).ToList()));
        var related = new List<ReplyLink> { links.Runbook(KbIds.KillClusterService, "Runbook: kill the cluster service (last resort)") };
        if (plan.StaysDown.Count > 0)
        {
            related.Add(links.Runbook(KbIds.FailoverCapacityReserve, "Runbook: failover capacity"));
        }

        if (!quorum.HasQuorum)
        {
            related.Add(links.Runbook(KbIds.QuorumConfiguration, "Runbook: quorum"));
        }

        blocks.Add(new LinksBlock(related));
        return blocks;
    }

    /// <summary>Why a VM stays down, in a few words for the table; the advice below says it in full.</summary>
    private static string Why(UnplacedCause cause) => cause switch
    {
        UnplacedCause.NoMemory => "not enough free memory elsewhere",
        UnplacedCause.DiskNotVisible => "no other node sees its disk",
        UnplacedCause.ConfigVolumeGone => "its configuration volume is gone",
        _ => "no other node is Up",
    };

    private static IEnumerable<string> BeforeYouDoThis(ClusterSnapshot snapshot, NodeResult node, IReadOnlyList<ClusteredVm> owned, FailoverPlan plan)
    {
        yield return "Only one VM stuck? `kill vmwp <vm>` crashes just that VM instead of all of them.";
        yield return "Try a clean shutdown inside the guests that still answer; every VM on the node crashes otherwise.";
        // What would bring each back depends on why it stays down: memory is only one of the causes.
        foreach (var cause in plan.StaysDown.GroupBy(d => d.Cause))
        {
            var names = string.Join(", ", cause.Select(d => d.Vm));
            yield return cause.Key switch
            {
                UnplacedCause.NoMemory => $"{names} would stay down for want of memory: free memory on another node first, or accept it.",
                UnplacedCause.DiskNotVisible => $"{names} would stay down: no other node sees its disk. Present the disk to another node first, or accept it.",
                UnplacedCause.ConfigVolumeGone => $"{names} would stay down: its configuration is on a volume that no longer exists, so it starts nowhere. Repair its configuration first (see `vm {cause.First().Vm}`).",
                _ => $"{names} would stay down: no other node is Up to take it.",
            };
        }

        foreach (var risk in RestartRisks.For(snapshot, owned))
        {
            yield return risk;
        }

        var silent = snapshot.Unreachable.Where(n => n.Name != node.Name).Select(n => n.Name).ToList();
        if (silent.Count > 0)
        {
            yield return $"{string.Join(", ", silent)} did not answer the probe: this preview may be incomplete.";
        }
    }
}
