using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Tests.Checks;

internal static class CheckAssert
{
    /// <summary>Runs the check and asserts the exact set of subjects it reports, each with the check's id and KB id.</summary>
    public static IReadOnlyList<Finding> Subjects(string checkId, ClusterSnapshot snapshot, string expectedKb, params string[] expected)
    {
        var check = ClusterChecks.Find(checkId)!;
        var findings = check.Run(snapshot).ToList();
        Assert.Equal(expected.Order(), findings.Select(f => f.Subject).Order());
        Assert.All(findings, f => Assert.Equal(checkId, f.CheckId));
        Assert.All(findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Evidence)));
        if (findings.Count > 0)
        {
            Assert.Contains(findings, f => f.KbId == expectedKb);
        }

        return findings;
    }
}
