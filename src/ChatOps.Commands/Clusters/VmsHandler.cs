using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Clusters;

/// <summary><c>vms [filter] [--node N] [--state S]</c>: the clustered VMs as a table.</summary>
internal sealed class VmsHandler(IClusterGateway gateway) : ICommandHandler
{
    /// <summary>Filter word for VMs whose cluster and Hyper-V states disagree.</summary>
    private const string Desynced = "desynced";

    private static readonly string[] StateWords = [.. Enum.GetNames<VmGroupState>().Select(s => s.ToLowerInvariant()), Desynced];

    public static readonly CommandDefinition Definition = new()
    {
        Name = "vms",
        Summary = "The clustered VMs as a table; filter by state (online, offline, failed, partialonline, pending, desynced) or node.",
        Usage = "vms [state|node] [--node <node>] [--state <state>]",
        Examples = ["vms", "vms failed", "vms {node}", "vms --node {node} --state online", "vms desynced"],
        Arguments = [new ArgumentSpec("filter", Required: false)],
        Flags = [new FlagSpec("node", "Only VMs owned by or registered on this node.", TakesValue: true), new FlagSpec("state", "Only VMs in this cluster state.", TakesValue: true)],
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        var nodeNames = snapshot.Nodes.Select(n => n.Name).ToList();
        string? state = null;
        string? node = null;
        if (request.Argument("filter") is { } filter)
        {
            state = ClusterText.Match(filter, StateWords);
            node = state is null ? ClusterText.Match(filter, nodeNames) : null;
            if (state is null && node is null)
            {
                var suggestions = DidYouMean.Suggest(filter.Trim(), StateWords.Concat(nodeNames));
                return Reply.Error(
                    $"`{Echo.Safe(filter)}` is neither a VM state nor a node.",
                    (suggestions.Count > 0 ? DidYouMean.Phrase(suggestions) + " " : string.Empty) + $"States: {string.Join(", ", StateWords)}. Nodes: {string.Join(", ", nodeNames)}.");
            }
        }

        if (request.Flag("state") is { } typedState)
        {
            state = ClusterText.Match(typedState, StateWords);
            if (state is null)
            {
                return ClusterText.Unknown("VM state", typedState, StateWords, "help vms");
            }
        }

        if (request.Flag("node") is { } typedNode)
        {
            node = ClusterText.Match(typedNode, nodeNames);
            if (node is null)
            {
                return ClusterText.Unknown("node", typedNode, nodeNames, "nodes");
            }
        }

        var desynced = ClusterChecks.Find(CheckIds.VmStateDesync)!.Run(snapshot).Select(f => f.Subject).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var vms = snapshot.Vms
            .Where(v => node is null || string.Equals(v.OwnerNode, node, StringComparison.OrdinalIgnoreCase) || v.HostStates.Any(h => h.Node.Equals(node, StringComparison.OrdinalIgnoreCase)))
            .Where(v => state is null || (state == Desynced ? desynced.Contains(v.Name) : v.GroupState.ToString().Equals(state, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(v => v.OwnerNode, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var scope = string.Join(", ", new[] { state, node is null ? null : "on " + node }.OfType<string>());
        var heading = $"VMs of {snapshot.Name}" + (scope.Length > 0 ? $" ({scope})" : string.Empty) + $": {vms.Count} of {snapshot.Vms.Count}";
        var blocks = new List<ReplyBlock>();
        if (vms.Count == 0)
        {
            blocks.Add(new TextBlock("No VM matches.", TextStyle.Good));
        }
        else
        {
            blocks.Add(new TableBlock(["VM", "Cluster", "Hyper-V", "Owner", "Priority", "Memory"], vms.Select(v => Row(v, desynced.Contains(v.Name))).ToList()));
        }

        if (ClusterText.Partial(snapshot) is { } partial)
        {
            blocks.Add(partial);
        }

        return new Reply { Heading = heading, Blocks = blocks };
    }

    private static IReadOnlyList<TableCell> Row(ClusteredVm vm, bool desynced)
    {
        var hyperV = vm.HostStates.Count == 0 ? "-" : string.Join(", ", vm.HostStates.Select(h => h.Node == vm.OwnerNode ? h.State.ToString() : $"{h.State} on {h.Node}"));
        return
        [
            vm.Name,
            new TableCell(vm.GroupState.ToString(), ClusterText.Status(vm.GroupState)),
            new TableCell(hyperV, desynced ? CellStatus.Attention : CellStatus.None),
            vm.OwnerNode ?? "-",
            vm.Priority.ToString(),
            Units.Gb(vm.StartupMemoryMb),
        ];
    }
}
