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
internal static partial class EventFindings
{
    /// <summary>The findings, and how many critical or error events no runbook explains yet.</summary>
    public static (IReadOnlyList<Finding> Findings, int Unexplained) From(
        ClusterEvents events, Func<ClusterEvent, IReadOnlyList<Runbook>> runbooks, IReadOnlyList<string> nodes, IReadOnlyList<string> vms)
    {
        var serious = events.All.Where(e => EventSources.IsSerious(e.Level)).ToList();
        var findings = new List<Finding>();
        // Each distinct message is cut into words once: a storm repeats a few messages thousands of times.
        var wordsOf = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in serious.Where(e => runbooks(e).Count > 0).GroupBy(e => (e.Node, e.Kind)))
        {
            var newest = group.First();
            var oldest = group.Last();
            var count = group.Count();
            var span = count == 1
                ? $"at {EventText.Time(newest.Time, events.ReadAt)}"
                : $"{count} times from {EventText.Time(oldest.Time, events.ReadAt)} to {EventText.Time(newest.Time, events.ReadAt)}";
            var worst = group.Min(e => e.Level);
            var messages = group.Select(e => e.Message).Distinct(StringComparer.Ordinal).ToList();
            var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var message in messages)
            {
                if (!wordsOf.TryGetValue(message, out var cut))
                {
                    wordsOf[message] = cut = [.. WordPattern().Matches(message).Select(m => m.Value)];
                }

                words.UnionWith(cut);
            }

            findings.Add(new Finding(
                CheckIds.EventLog,
                worst == WinEventLevel.Critical ? Severity.High : Severity.Medium,
                group.Key.Node,
                $"{group.Key.Node} logged {EventText.Source(newest)} ({worst}) {span}: “{EventText.Message(newest.Message)}”",
                runbooks(newest)[0].Id)
            {
                Nodes = Named(words, messages, nodes),
                Vms = Named(words, messages, vms),
            });
        }

        return (findings, serious.Count(e => runbooks(e).Count == 0));
    }

    /// <summary>
    /// The names (of nodes or VMs) the messages mention as whole words: a one-word name is looked up among
    /// the messages' words, so hundreds of VMs cost no search each; a name with spaces or dots is searched for.
    /// </summary>
    private static List<string> Named(HashSet<string> words, List<string> messages, IReadOnlyList<string> names) =>
        [.. names.Where(n => WordPattern().Match(n) is { Success: true } word && word.Length == n.Length
            ? words.Contains(n)
            : messages.Any(m => Regex.IsMatch(m, $@"(?<![\w-]){Regex.Escape(n)}(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))];

    /// <summary>A run of word characters and hyphens: how names are cut out of a message.</summary>
    [GeneratedRegex(@"[\w-]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
