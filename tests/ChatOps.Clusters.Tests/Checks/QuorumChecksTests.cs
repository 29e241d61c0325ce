using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

public sealed class QuorumChecksTests
{
    private static readonly Dictionary<string, Func<SnapshotBuilder, SnapshotBuilder>> Scenarios = new()
    {
        ["two sites, witness in third site"] = b => b,
        ["witness in a data site"] = b => b.Quorum(new(QuorumType.NodeAndFileShareMajority, WitnessKind.FileShare, @"\\fs\w", "A")),
        ["disk only"] = b => b.Quorum(new(QuorumType.NoMajorityDiskOnly, WitnessKind.Disk, "Q", null)),
        ["two sites, disk witness"] = b => b.Quorum(new(QuorumType.NodeAndDiskMajority, WitnessKind.Disk, "Q", "A")),
        ["two sites, four nodes, no witness"] = b => b.Node("N4", "B").Quorum(new(QuorumType.NodeMajority, WitnessKind.None, null, null)),
        ["three nodes, no witness"] = b => b.Quorum(new(QuorumType.NodeMajority, WitnessKind.None, null, null)),
        ["three nodes, no witness, one down"] = b => b.Quorum(new(QuorumType.NodeMajority, WitnessKind.None, null, null)).State("N3", NodeState.Down),
        ["three nodes, no witness, two down"] = b => b.Quorum(new(QuorumType.NodeMajority, WitnessKind.None, null, null)).State("N2", NodeState.Down).State("N3", NodeState.Down),
        ["three nodes, witness, one down"] = b => b.State("N3", NodeState.Down),
    };

    [Theory]
    [InlineData(CheckIds.QuorumWitness, "two sites, witness in third site")]
    [InlineData(CheckIds.QuorumWitness, "witness in a data site", "TEST")]
    [InlineData(CheckIds.QuorumWitness, "disk only", "TEST")]
    [InlineData(CheckIds.QuorumWitness, "two sites, disk witness", "TEST")]
    [InlineData(CheckIds.QuorumWitness, "two sites, four nodes, no witness", "TEST")]
    [InlineData(CheckIds.QuorumNodeLoss, "two sites, witness in third site")]
    [InlineData(CheckIds.QuorumNodeLoss, "three nodes, no witness")]
    [InlineData(CheckIds.QuorumNodeLoss, "three nodes, no witness, one down", "N1", "N2")]
    [InlineData(CheckIds.QuorumNodeLoss, "three nodes, no witness, two down", "TEST")]
    [InlineData(CheckIds.QuorumNodeLoss, "three nodes, witness, one down", "N1", "N2")]
    public void Run_Scenario_ReportsSubjects(string checkId, string scenario, params string[] expected) =>
        CheckAssert.Subjects(checkId, Scenarios[scenario](SnapshotBuilder.Healthy()).Build(), KbIds.QuorumConfiguration, expected);

    [Fact]
    public void QuorumNodeLoss_QuorumAlreadyLost_IsCritical()
    {
        var snapshot = Scenarios["three nodes, no witness, two down"](SnapshotBuilder.Healthy()).Build();

        var finding = Assert.Single(ClusterChecks.Find(CheckIds.QuorumNodeLoss)!.Run(snapshot));

        Assert.Equal(Severity.Critical, finding.Severity);
    }
}
