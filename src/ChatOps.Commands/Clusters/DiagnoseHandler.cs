using ChatOps.Clusters;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Events;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Clusters;

/// <summary>
/// <c>diagnose [cluster|node &lt;n&gt;|vm &lt;v&gt;]</c>: every check on a fresh snapshot, and the critical
/// and error events of the last hours that a runbook explains, findings grouped by severity with
/// evidence and runbook links. Nodes (or logs) that did not answer make the answer partial.
/// </summary>
internal sealed class DiagnoseHandler(IClusterGateway gateway, FindingBlocks findingBlocks, EventMap eventMap, IOptions<ClusterOptions> options) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "diagnose",
        Summary = "Run every check on a fresh snapshot and read the last hours' critical and error events; findings by severity, each with evidence and its runbook.",
        Usage = "diagnose [cluster | node <name> | vm <name>]",
        Examples = ["diagnose", "diagnose node {node}", "diagnose vm {vm}", "diagnose --details"],
        Arguments = [new ArgumentSpec("scope", Required: false), new ArgumentSpec("name", Required: false)],
        Flags = [new FlagSpec(DetailsFlag, "Every finding with its evidence, not only the one-screen summary.")],
    };

    private const string DetailsFlag = "details";

    /// <summary>How many next commands the summary offers as buttons.</summary>
    private const int MaxNext = 3;

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

        var window = options.Value.DiagnoseEventWindow;
        var reading = gateway.GetEventsAsync(null, window, cancellationToken);
        var probing = gateway.GetSnapshotAsync(cancellationToken);
        await Task.WhenAll(reading, probing);
        var (snapshot, events) = (await probing, await reading);
        var report = ClusterChecks.RunAll(snapshot);
        var (eventFindings, unexplained) = EventFindings.From(events, eventMap.For(events.All), [.. snapshot.Nodes.Select(n => n.Name)], [.. snapshot.Vms.Select(v => v.Name)]);
        IReadOnlyList<Finding> findings = [.. report.Findings.Concat(eventFindings).OrderBy(f => f.Severity)];
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

        return Answer(snapshot, report, new EventsRead(events, unexplained, window), findings, scope is "node" or "vm" ? $"{scope} {subject}" : null, subject, request.HasFlag(DetailsFlag));
    }

    /// <summary>The event logs as diagnose read them: for what could not be read, and what no runbook explains yet.</summary>
    private sealed record EventsRead(ClusterEvents Events, int Unexplained, TimeSpan Window);

    /// <summary>
    /// A summary that fits one screen (one line per runbook and severity, buttons for the next commands)
    /// with every finding's evidence folded under it; <c>--details</c> answers with the evidence itself,
    /// for the terminal, which cannot fold.
    /// </summary>
    private Reply Answer(ClusterSnapshot snapshot, CheckReport report, EventsRead read, IReadOnlyList<Finding> findings, string? scoped, string subject, bool details)
    {
        var partial = snapshot.IsPartial || read.Events.IsPartial ? " (partial)" : string.Empty;
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(
                $"{report.ChecksRun.Count} checks on {snapshot.Reachable.Count()} of {snapshot.Nodes.Count} nodes and their event logs of the last {EventText.Window(read.Window)}: " +
                (findings.Count == 0 ? "no findings." : $"{findings.Count} finding(s) — {ClusterText.Counts(findings)}."),
                findings.Count == 0 && !snapshot.IsPartial && !read.Events.IsPartial ? TextStyle.Good : TextStyle.Default),
        };
        // Parts a node could not read are findings of their own (node-parts-unread); silent nodes are named here.
        if (snapshot.Unreachable.Any())
        {
            blocks.Add(new TextBlock(
                $"Partial: {string.Join("; ", snapshot.Unreachable.Select(n => $"**{n.Name}** did not answer ({ClusterText.Failure(n)})"))}. Nothing was checked there, so no finding about them means nothing.",
                TextStyle.Warning));
        }

        if (EventText.Partial(read.Events) is { } unreadEvents)
        {
            blocks.Add(unreadEvents);
        }

        if (read.Unexplained > 0)
        {
            blocks.Add(new TextBlock($"{read.Unexplained} other critical or error event(s) have no runbook yet: `events --since {EventText.Since(read.Window)}` lists them.", TextStyle.Subtle));
        }

        var heading = $"Diagnose {subject}{partial}";
        if (details || findings.Count == 0)
        {
            return new Reply { Heading = heading, Blocks = [.. blocks, .. findingBlocks.BySeverity(findings)] };
        }

        blocks.Add(findingBlocks.Summary(findings));
        blocks.Add(new TextBlock($"`diagnose{(scoped is null ? string.Empty : " " + scoped)} --details` lists every finding with its evidence.", TextStyle.Subtle));
        return new Reply
        {
            Heading = heading,
            Blocks = blocks,
            Details = findingBlocks.BySeverity(findings),
            DetailsTitle = "Show details: every finding's evidence",
            Buttons = Next(snapshot, findings),
        };
    }

    /// <summary>The commands an admin runs next: a look at what the most severe findings are about, then their runbook.</summary>
    private static List<ReplyButton> Next(ClusterSnapshot snapshot, IReadOnlyList<Finding> findings)
    {
        var next = new List<ReplyButton>();
        foreach (var finding in findings.OrderBy(f => f.Severity))
        {
            var command = snapshot.FindNode(finding.Subject) is { } node ? $"node {node.Name}"
                : snapshot.FindVm(finding.Subject) is { } vm ? $"vm {vm.Name}"
                : $"kb {finding.KbId}";
            if (next.Count < MaxNext && next.All(b => b.Command != command))
            {
                next.Add(new ReplyButton(command, command));
            }
        }

        return next;
    }
}
