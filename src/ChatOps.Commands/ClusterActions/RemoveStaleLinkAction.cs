using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Clusters;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.ClusterActions;

/// <summary>
/// <c>remove stalelink &lt;node&gt; &lt;vm-guid&gt;</c>: deletes a VM configuration link left on a node
/// after the VM moved (event 4096). Refused when a VM with that GUID is registered on that node,
/// since deleting its link would crash it.
/// </summary>
internal sealed class RemoveStaleLinkAction(IClusterGateway gateway, Links links) : ISafeAction
{
    public static readonly CommandDefinition Command = new()
    {
        Name = "remove stalelink",
        Summary = "Delete a stale VM configuration link from a node (never one of a VM registered there).",
        Usage = "remove stalelink <node> <vm-guid>",
        Examples = ["remove stalelink {stalelink}"],
        Role = Role.Admin,
        Arguments = [new ArgumentSpec("node"), new ArgumentSpec("vm-guid")],
    };

    public CommandDefinition Definition => Command;

    public bool SecondApproverByDefault => false;

    public string CheckCommand(PendingAction action) => $"node {action.Target}";

    public bool IsDestructive => true;

    public string Describe(string target, string? detail) => $"Delete the stale configuration link {detail} on {target}";

    public async Task<ActionPlan> PlanAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var typedNode = request.Argument("node");
        var typedId = request.Argument("vm-guid");
        if (!Guid.TryParse(typedId, out var vmId))
        {
            return ActionPlan.Refuse(Echo.Safe(typedNode), $"`{Echo.Safe(typedId)}` is not a VM GUID (like 6f1c2b1e-0c3e-4a57-9d1a-2b7c1f0e9a11). `diagnose` lists the stale links it finds.");
        }

        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        if (ClusterText.Match(typedNode, snapshot.Nodes.Select(n => n.Name)) is not { } name)
        {
            return ActionPlan.Refuse(Echo.Safe(typedNode), ClusterText.UnknownSentence("node", typedNode, snapshot.Nodes.Select(n => n.Name), "nodes"));
        }

        return PlanFor(snapshot, name, vmId);
    }

    public async Task<ActionPlan> ReplanAsync(PendingAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var vmId = StoredGuid(action);
        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        return snapshot.FindNode(action.Target) is null
            ? ActionPlan.Refuse(action.Target, $"{action.Target} is no longer a node of the cluster.")
            : PlanFor(snapshot, action.Target, vmId);
    }

    /// <summary>Refused whenever a VM with the GUID is registered on the node or the link is gone, so a re-plan needs no premises beyond that.</summary>
    private ActionPlan PlanFor(ClusterSnapshot snapshot, string name, Guid vmId)
    {
        var node = snapshot.FindNode(name)!;
        if (node.Inventory is not { } inventory)
        {
            return ActionPlan.Refuse(name, $"{name} did not answer ({node.Failure?.Message}); its links cannot be checked, so nothing will be removed.");
        }

        // Positive evidence only: an unread Hyper-V is not "no VM registered", an unread folder not "no link".
        foreach (var part in new[] { InventoryPart.HyperV, InventoryPart.ConfigLinks }.Where(p => !inventory.Knows(p)))
        {
            return ActionPlan.Refuse(name, $"{name} {inventory.WhyUnread(part)}; whether the link is stale cannot be told, so nothing will be removed.");
        }

        var vm = snapshot.Vms.FirstOrDefault(v => v.Id == vmId);
        var hosted = inventory.HyperVVms.FirstOrDefault(h => h.Id == vmId);
        var facts = new List<Fact>
        {
            new("Node", $"{name} ({node.State})"),
            new("Link", vmId.ToString()),
            new("VM with that GUID", vm is null ? "none in the cluster" : $"{vm.Name}: {vm.GroupState} on {vm.OwnerNode ?? "no node"}"),
            new("On this node", hosted is null ? "not registered" : $"{hosted.Name} is {hosted.State}", hosted is null ? CellStatus.Ok : CellStatus.Attention),
        };
        var preview = new List<ReplyBlock> { new FactsBlock(facts), new LinksBlock([links.Runbook(KbIds.StaleVmConfigLinks, "Runbook: stale VM config links")]) };
        if (hosted is null && vm is not null && string.Equals(vm.OwnerNode, name, StringComparison.OrdinalIgnoreCase) && vm.GroupState != VmGroupState.Offline)
        {
            return ActionPlan.Refuse(name, $"The cluster says {vm.Name} ({vmId}) is {vm.GroupState} on {name} although Hyper-V there does not list it (a migration under way?); its link is not removed while they disagree.", preview);
        }

        if (hosted is not null)
        {
            return ActionPlan.Refuse(name, $"{hosted.Name} ({vmId}) is {hosted.State} on {name}: deleting its link would crash it.", preview);
        }

        if (!inventory.ConfigLinks.Contains(vmId))
        {
            var present = inventory.ConfigLinks.Count == 0 ? "it has none" : $"it has {string.Join(", ", inventory.ConfigLinks.Take(5))}";
            return ActionPlan.Refuse(name, $"{name} has no config link {vmId}; {present}.", preview);
        }

        return new ActionPlan { Target = name, Detail = vmId.ToString(), Preview = preview };
    }

    public async Task<Reply> ExecuteAsync(PendingAction action, DateTimeOffset notAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ActionResultReply.From(await gateway.RemoveStaleLinkAsync(action.Target, StoredGuid(action), notAfter, cancellationToken));
    }

    private static Guid StoredGuid(PendingAction action) =>
        Guid.Parse(action.Detail ?? throw new InvalidOperationException("A stale-link action is stored without its GUID."));
}
