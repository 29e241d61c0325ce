using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Clusters;

/// <summary>
/// <c>diagnose [cluster|node &lt;n&gt;|vm &lt;v&gt;]</c>: every check on a fresh snapshot, findings grouped
/// by severity with evidence and runbook links. Nodes that did not answer make the answer partial.
/// </summary>
internal sealed class DiagnoseHandler(IClusterGateway gateway, FindingBlocks findingBlocks) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "diagnose",
        Summary = "Run every check on a fresh snapshot; findings by severity, each with evidence and its runbook.",
        Usage = "diagnose [cluster | node <name> | vm <name>]",
        Examples = ["diagnose", "diagnose node HV02", "diagnose vm APP-07"],
        Arguments = [new ArgumentSpec("scope", Required: false), new ArgumentSpec("name", Required: false)],
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var scope = request.Argument("scope")?.Trim().ToLowerInvariant();
        var typed = request.Argument("name");
        if (scope is not (null or "cluster" or "node" or "vm"))
        {
            return Reply.Error($"`diagnose` looks at the cluster, a node or a VM, not `{Echo.Safe(request.Argument("scope")!)}`.", $"Usage: `{Definition.Usage}`");
        }

        if (scope is "node" or "vm" && typed is null)
        {
            return Reply.Error($"`diagnose {scope}` needs the {(scope == "vm" ? "VM" : "node")}'s name.", $"Usage: `{Definition.Usage}`");
        }

        if (scope is null or "cluster" && typed is not null)
        {
            return Reply.Error($"`diagnose {scope ?? string.Empty}` takes no name.".Replace("  ", " ", StringComparison.Ordinal), $"Usage: `{Definition.Usage}`");
        }

        var snapshot = await gateway.GetSnapshotAsync(cancellationToken);
        var report = ClusterChecks.RunAll(snapshot);
        var findings = report.Findings;
        var subject = snapshot.Name;
        if (scope == "node")
        {
            subject = ClusterText.Match(typed!, snapshot.Nodes.Select(n => n.Name)) ?? string.Empty;
            if (subject.Length == 0)
            {
                return ClusterText.Unknown("node", typed!, snapshot.Nodes.Select(n => n.Name), "nodes");
            }

            findings = [.. findings.Where(f => f.ConcernsNode(subject))];
        }
        else if (scope == "vm")
        {
            subject = ClusterText.Match(typed!, snapshot.Vms.Select(v => v.Name)) ?? string.Empty;
            if (subject.Length == 0)
            {
                return ClusterText.Unknown("VM", typed!, snapshot.Vms.Select(v => v.Name), "vms");
            }

            findings = [.. findings.Where(f => f.ConcernsVm(subject))];
        }

        return Answer(snapshot, report, findings, subject);
    }

    private Reply Answer(ClusterSnapshot snapshot, CheckReport report, IReadOnlyList<Finding> findings, string subject)
    {
        var partial = snapshot.IsPartial ? " (partial)" : string.Empty;
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(
                $"{report.ChecksRun.Count} checks on {snapshot.Reachable.Count()} of {snapshot.Nodes.Count} nodes: " +
                (findings.Count == 0 ? "no findings." : $"{findings.Count} finding(s) — {ClusterText.Counts(findings)}."),
                findings.Count == 0 && !snapshot.IsPartial ? TextStyle.Good : TextStyle.Default),
        };
        // Parts a node could not read are findings of their own (node-parts-unread); silent nodes are listed here.
        if (snapshot.Unreachable.Any())
        {
            blocks.Add(new HeadingBlock($"Unreachable nodes ({snapshot.Unreachable.Count()})", 3));
            blocks.Add(new ListBlock(snapshot.Unreachable.Select(n => $"**{n.Name}** — {ClusterText.Failure(n)}").ToList()));
            blocks.Add(new TextBlock("Partial: nothing was checked on these nodes, so no finding about them means nothing.", TextStyle.Warning));
        }

        blocks.AddRange(findingBlocks.BySeverity(findings));
        return new Reply { Heading = $"Diagnose {subject}{partial}", Blocks = blocks };
    }
}
