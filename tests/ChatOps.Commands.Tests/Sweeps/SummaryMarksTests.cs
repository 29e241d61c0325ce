using ChatOps.Clusters.Checks;
using ChatOps.Commands.Clusters;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Sweeps;
using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Tests.Sweeps;

/// <summary>The same counts of findings carry the same words and the same mark in the summary as in <c>cluster</c> and <c>diagnose</c>.</summary>
public sealed class SummaryMarksTests
{
    [Theory]
    [InlineData(new[] { "High", "Medium" }, "1 high, 1 medium")]
    [InlineData(new[] { "Medium", "Low", "Low" }, "1 medium, 2 low")]
    [InlineData(new string[0], "none")]
    public void Summary_FindingsFact_SameWordsAndMarkAsTheClusterReply(string[] severities, string words)
    {
        var sweep = new SweepRecord
        {
            Id = "s-1",
            Time = DateTimeOffset.UnixEpoch,
            Cluster = "HVC01",
            Nodes = [],
            Findings = [.. severities.Select((s, i) => new SweepFinding("check", $"subject-{i}", s, "evidence", "kb-id"))],
        };

        var reply = SweepReplies.Summary(sweep, null, new Links(Options.Create(new LinkOptions())));

        var fact = reply.Blocks.OfType<FactsBlock>().First().Facts.Single(f => f.Name == "Findings");
        var parsed = severities.Select(Enum.Parse<Severity>).ToList();
        Assert.Equal(words, fact.Value);
        Assert.Equal(ClusterText.Counts(parsed), fact.Value);
        Assert.Equal(ClusterText.Worst(parsed), fact.Status);
    }
}
