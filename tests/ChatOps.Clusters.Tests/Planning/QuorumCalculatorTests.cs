using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;

namespace ChatOps.Clusters.Tests.Planning;

public sealed class QuorumCalculatorTests
{
    private readonly ClusterSnapshot _lab = LabClusters.LoadDefault().Snapshot();

    [Fact]
    public void Current_DefaultLab_SixNodesAndTheWitnessVote()
    {
        var now = QuorumCalculator.Current(_lab);

        Assert.Equal((true, 7, 4, 7), (now.HasQuorum, now.Votes, now.Needed, now.TotalVotes));
    }

    [Fact]
    public void WithoutSite_TheWitnessSite_LosesQuorum()
    {
        var east = QuorumCalculator.WithoutSite(_lab, "DC-East");

        Assert.False(east.HasQuorum);
        Assert.Equal("Quorum without site DC-East: 3 of 7 votes present, 4 needed — LOST.", east.Explanation);
    }

    [Fact]
    public void WithoutSite_TheOtherSite_KeepsQuorumThanksToTheWitness()
    {
        Assert.True(QuorumCalculator.WithoutSite(_lab, "DC-West").HasQuorum);
    }

    [Theory]
    [InlineData(new[] { "HV01" }, true)]
    [InlineData(new[] { "HV01", "HV02", "HV03" }, true)]
    [InlineData(new[] { "HV01", "HV02", "HV03", "HV04" }, false)]
    public void WithoutNodes_DefaultLab_MajorityOfSevenVotes(string[] lost, bool kept) =>
        Assert.Equal(kept, QuorumCalculator.WithoutNodes(_lab, lost).HasQuorum);
}
