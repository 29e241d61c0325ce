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
/// <c>kill vmwp &lt;vm&gt;</c>: kills one VM's worker process, the narrow remedy for a single stuck VM.
/// The VM crashes and the cluster restarts it where the preview says.
/// </summary>
internal sealed class KillVmWorkerAction(IClusterGateway gateway, Links links) : ISafeAction
{
    public static readonly CommandDefinition Command = new()
    {
        Name = "kill vmwp",
        Summary = "Kill one VM's worker process so the cluster restarts just that VM.",
        Usage = "kill vmwp <vm>",
        Examples = ["kill vmwp {vm}"],
        Role = Role.Admin,
        Arguments = [new ArgumentSpec("vm")],
    };

    public CommandDefinition Definition => Command;

    public bool SecondApproverByDefault => false;

    public string CheckCommand(PendingAction action) => $"vm {action.Target}";

    public bool IsDestructive => true;

    public string Describe(string target, string? detail) => $"Kill the worker process of VM {target}";

    public async Task<ActionPlan> PlanAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        var typed = request.Argument("vm");
        if (ClusterText.Match(typed, snapshot.Vms.Select(v => v.Name)) is not { } name)
        {
            return ActionPlan.Refuse(Echo.Safe(typed), ClusterText.UnknownSentence("VM", typed, snapshot.Vms.Select(v => v.Name), "vms"));
        }

        return PlanFor(snapshot, snapshot.FindVm(name)!);
    }

    public async Task<ActionPlan> ReplanAsync(PendingAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        return snapshot.FindVm(action.Target) is { } vm
            ? PlanFor(snapshot, vm)
            : ActionPlan.Refuse(action.Target, $"{action.Target} is no longer a clustered VM.");
    }

    private ActionPlan PlanFor(ClusterSnapshot snapshot, ClusteredVm vm)
    {
        var name = vm.Name;
        // Only a VM that holds memory on a node has a worker process there (running, paused, starting, saving,
        // stopping): off and saved have none, and the node refuses them too.
        var host = vm.HostStates.Where(h => h.State.HoldsMemory())
            .OrderBy(h => h.Node.Equals(vm.OwnerNode, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .FirstOrDefault();
        var hyperV = ClusterText.HyperVStates(vm);
        var facts = new List<Fact>
        {
            new("Cluster says", $"{vm.GroupState} on {vm.OwnerNode ?? "no node"}"),
            new("Hyper-V says", hyperV ?? ClusterText.NotRegistered),
            new("Priority / memory", $"{vm.Priority}, {Units.Gb(vm.StartupMemoryMb)}"),
        };
        if (host is null)
        {
            var states = hyperV is null ? $"it is {ClusterText.NotRegistered}" : $"Hyper-V reports it {hyperV}";
            var desync = vm.GroupState == VmGroupState.Online ? $" The cluster says it is Online: that is a state desync, see `kb {KbIds.VmStateDesync}`." : string.Empty;
            return ActionPlan.Refuse(name, $"{name} has no worker process to kill: {states}.{desync}", [new FactsBlock(facts)]);
        }

        var plan = FailoverPlanner.PlanVm(snapshot, vm, host.Node);
        facts.Add(plan.Placements.Count > 0
            ? new Fact("After the kill", $"crashes on {host.Node}, restarts on {plan.Placements[0].To}", CellStatus.Warning)
            : new Fact("After the kill", $"crashes on {host.Node} and stays down: {plan.StaysDown.FirstOrDefault()?.Reason ?? "it is not restarted automatically"}", CellStatus.Attention));
        var preview = new List<ReplyBlock> { new FactsBlock(facts) };
        var warnings = new List<string> { "The guest crashes: unsaved work inside it is lost. Try a clean shutdown from inside the guest first." };
        warnings.AddRange(RestartRisks.For(snapshot, [vm]));
        preview.Add(new ListBlock(warnings));
        preview.Add(new LinksBlock([links.Runbook(KbIds.KillClusterService, "Runbook: last-resort kills"), links.Runbook(KbIds.VmStateDesync, "Runbook: VM state desync")]));
        // The worker process killed is the one on this node: if the VM moved or stopped, it is another process.
        return new ActionPlan { Target = name, Preview = preview, Premises = [$"{name} runs on {host.Node} ({host.State.Normal()})"] };
    }

    public async Task<Reply> ExecuteAsync(PendingAction action, DateTimeOffset notAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ActionResultReply.From(await gateway.KillVmWorkerAsync(action.Target, notAfter, cancellationToken));
    }
}
