using ChatOps.Clusters.Checks;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Clusters;

/// <summary>Findings as reply blocks: each with its evidence and a link to its runbook.</summary>
internal sealed class FindingBlocks(Links links)
{
    /// <summary>One section per severity, most severe first.</summary>
    public IReadOnlyList<ReplyBlock> BySeverity(IEnumerable<Finding> findings)
    {
        var blocks = new List<ReplyBlock>();
        foreach (var group in findings.GroupBy(f => f.Severity).OrderBy(g => g.Key))
        {
            blocks.Add(new HeadingBlock($"{group.Key} ({group.Count()})", 3));
            blocks.AddRange(List(group, withSeverity: false));
        }

        return blocks;
    }

    /// <summary>
    /// One line per runbook and severity, most severe first: the subjects it is about, linked to the
    /// runbook that explains them (a line for every finding would not fit a screen).
    /// </summary>
    public LinksBlock Summary(IEnumerable<Finding> findings) => new([.. findings
        .GroupBy(f => (f.Severity, f.KbId))
        .OrderBy(g => g.Key.Severity)
        .Select(g => links.Runbook(g.Key.KbId, g.Key.KbId) with
        {
            Lead = $"{g.Key.Severity} · {Subjects(g.Select(f => f.Subject))}",
            Status = ClusterText.Status(g.Key.Severity),
        })]);

    private static string Subjects(IEnumerable<string> subjects)
    {
        var distinct = subjects.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return distinct.Count <= MaxSubjects ? string.Join(", ", distinct) : $"{string.Join(", ", distinct.Take(MaxSubjects))} +{distinct.Count - MaxSubjects}";
    }

    private const int MaxSubjects = 3;

    /// <summary>A list of findings (severity first) and the runbooks they link to.</summary>
    public IReadOnlyList<ReplyBlock> List(IEnumerable<Finding> findings, bool withSeverity = true)
    {
        var list = findings.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var items = list.Select(f => (withSeverity ? $"{f.Severity}: " : string.Empty) + $"**{f.Subject}** — {f.Evidence} Runbook: `{f.KbId}`").ToList();
        var runbooks = list.Select(f => f.KbId).Distinct(StringComparer.Ordinal).Select(id => links.Runbook(id)).ToList();
        return [new ListBlock(items), new LinksBlock(runbooks)];
    }
}
