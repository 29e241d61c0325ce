using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Clusters;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.ClusterActions;

/// <summary><c>flushdns &lt;node&gt;|all</c>: clears the DNS client cache after a cross-site failover changed addresses.</summary>
internal sealed class FlushDnsAction(IClusterGateway gateway, Links links) : ISafeAction
{
    /// <summary>The target that means every node.</summary>
    public const string All = "all";

    public static readonly CommandDefinition Command = new()
    {
        Name = "flushdns",
        Summary = "Clear the DNS client cache on one node or on every node.",
        Usage = "flushdns <node>|all",
        Examples = ["flushdns {node}", "flushdns all"],
        Role = Role.Operator,
        Arguments = [new ArgumentSpec("node")],
    };

    public CommandDefinition Definition => Command;

    public bool SecondApproverByDefault => false;

    public string CheckCommand(PendingAction action) => action.Target == All ? "diagnose" : $"node {action.Target}";

    public bool IsDestructive => false;

    public string Describe(string target, string? detail) => target == All ? "Clear the DNS client cache on every node" : $"Clear the DNS client cache on {target}";

    public async Task<ActionPlan> PlanAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        var typed = request.Argument("node");
        var names = snapshot.Nodes.Select(n => n.Name).ToList();
        var target = typed?.Trim().Equals(All, StringComparison.OrdinalIgnoreCase) == true ? All : ClusterText.Match(typed, names);
        if (target is null)
        {
            return ActionPlan.Refuse(Echo.Safe(typed), ClusterText.UnknownSentence("node", typed, names.Append(All), "nodes"));
        }

        var rows = snapshot.Nodes
            .Where(n => target == All || n.Name == target)
            .Select(n => (IReadOnlyList<TableCell>)[n.Name, n.Inventory is null
                ? new TableCell($"did not answer ({n.Failure?.Message})", CellStatus.Warning)
                : !n.Inventory.Knows(InventoryPart.Dns)
                    ? new TableCell($"unknown: {n.Inventory.WhyUnread(InventoryPart.Dns)}", CellStatus.Unknown)
                : n.Inventory.StaleDnsEntries.Count == 0
                    ? new TableCell("no stale entries cached", CellStatus.Ok)
                    : new TableCell($"stale: {string.Join(", ", n.Inventory.StaleDnsEntries)}", CellStatus.Attention)])
            .ToList();
        return new ActionPlan
        {
            Target = target,
            Preview =
            [
                new TextBlock("Clearing the cache is harmless: names are looked up again on next use."),
                new TableBlock(["Node", "DNS cache"], rows),
                new LinksBlock([links.Runbook(KbIds.MultisiteDns, "Runbook: DNS after a cross-site failover")]),
            ],
        };
    }

    /// <summary>Flushing a cache harms nothing whatever changed: the re-plan only checks the target still exists.</summary>
    public async Task<ActionPlan> ReplanAsync(PendingAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var names = await gateway.GetNodeNamesAsync(cancellationToken);
        return action.Target == All || names.Contains(action.Target, StringComparer.OrdinalIgnoreCase)
            ? new ActionPlan { Target = action.Target }
            : ActionPlan.Refuse(action.Target, $"{action.Target} is no longer a node of the cluster.");
    }

    public async Task<Reply> ExecuteAsync(PendingAction action, DateTimeOffset notAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Target != All)
        {
            return ActionResultReply.From(await gateway.FlushDnsAsync(action.Target, notAfter, cancellationToken));
        }

        var nodes = await gateway.GetNodeNamesAsync(cancellationToken);
        var results = await Task.WhenAll(nodes.Select(n => gateway.FlushDnsAsync(n, notAfter, cancellationToken)));
        var failed = results.Count(r => !r.Succeeded);
        var combined = new ClusterActionResult(
            ClusterAction.FlushDns,
            All,
            failed == 0 ? ActionStatus.Succeeded : ActionStatus.Failed,
            failed == 0 ? $"Flushed the DNS cache on all {results.Length} nodes." : $"Flushed the DNS cache on {results.Length - failed} of {results.Length} nodes; {failed} failed.",
            results.SelectMany(r => r.Outcomes.Count > 0 ? r.Outcomes : [new NodeOutcome(r.Target, r.Summary)]).ToList());
        return ActionResultReply.From(combined);
    }
}
