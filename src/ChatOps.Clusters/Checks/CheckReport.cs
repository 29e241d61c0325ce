using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>The findings of a run, most severe first, and the nodes that could not be checked.</summary>
/// <param name="Findings">Findings ordered by severity, check id, subject.</param>
/// <param name="ChecksRun">Ids of the checks that ran.</param>
/// <param name="Unreachable">Nodes that did not answer: a report with any is partial, never clean.</param>
public sealed record CheckReport(IReadOnlyList<Finding> Findings, IReadOnlyList<string> ChecksRun, IReadOnlyList<NodeResult> Unreachable)
{
    /// <summary>True when some node could not be checked.</summary>
    public bool IsPartial => Unreachable.Count > 0;

    /// <summary>True when every node answered and nothing was found.</summary>
    public bool IsClean => !IsPartial && Findings.Count == 0;
}
