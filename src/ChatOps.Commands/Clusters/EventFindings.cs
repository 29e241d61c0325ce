using System.Text.RegularExpressions;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Events;
using ChatOps.Knowledge;

namespace ChatOps.Commands.Clusters;

/// <summary>
/// The critical and error events of the last hours as findings: one per node and kind of event that
/// a runbook explains, its evidence the count, the span and the newest message, about the nodes and
/// VMs that message names.
/// </summary>
internal static class EventFindings
{
    /// <summary>The findings, and how many critical or error events no runbook explains yet.</summary>
    public static (IReadOnlyList<Finding> Findings, int Unexplained) From(
        ClusterEvents events, Func<ClusterEvent, IReadOnlyList<Runbook>> runbooks, IReadOnlyList<string> nodes, IReadOnlyList<string> vms)
    {
        var serious = events.All.Where(e => EventSources.IsSerious(e.Level)).ToList();
        var findings = new List<Finding>();
        foreach (var group in serious.Where(e => runbooks(e).Count > 0).GroupBy(e => (e.Node, e.Log, e.Provider, e.Id)))
        {
            var newest = group.First();
            var oldest = group.Last();
            var span = group.Count() == 1
                ? $"at {EventText.Time(newest.Time, events.ReadAt)}"
                : $"{group.Count()} times from {EventText.Time(oldest.Time, events.ReadAt)} to {EventText.Time(newest.Time, events.ReadAt)}";
            var worst = group.Min(e => e.Level);
            findings.Add(new Finding(
                CheckIds.EventLog,
                worst == WinEventLevel.Critical ? Severity.High : Severity.Medium,
                group.Key.Node,
                $"{group.Key.Node} logged {EventText.Source(newest)} ({worst}) {span}: “{EventText.Message(newest.Message)}”",
                runbooks(newest)[0].Id)
            {
                Nodes = Named(group.Select(e => e.Message), nodes),
                Vms = Named(group.Select(e => e.Message), vms),
            });
        }

        return (findings, serious.Count(e => runbooks(e).Count == 0));
    }

    /// <summary>The names (of nodes or VMs) the messages mention as whole words.</summary>
    private static List<string> Named(IEnumerable<string> messages, IReadOnlyList<string> names)
    {
        var text = string.Join('\n', messages.Distinct(StringComparer.Ordinal));
        return [.. names.Where(n => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(n)}(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];
    }
}
