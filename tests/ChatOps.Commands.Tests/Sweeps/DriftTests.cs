using ChatOps.Commands.Sweeps;

namespace ChatOps.Commands.Tests.Sweeps;

public sealed class DriftTests
{
    private static SweepRecord Sweep(IReadOnlyList<NodeSweep> nodes, params SweepFinding[] findings) =>
        new() { Id = Guid.NewGuid().ToString("N"), Time = DateTimeOffset.UnixEpoch, Nodes = nodes, Findings = findings };

    private static NodeSweep Node(string name, params (string Key, string Value)[] components) =>
        new(name, components.ToDictionary(c => c.Key, c => c.Value));

    [Fact]
    public void Between_DriverUpgradedOnOneNode_ReportsExactlyThatChange()
    {
        var older = Sweep([Node("N1", ("driver:MPIO", "1.2")), Node("N2", ("driver:MPIO", "1.2"))]);
        var newer = Sweep([Node("N1", ("driver:MPIO", "1.2")), Node("N2", ("driver:MPIO", "1.3"))]);

        var change = Assert.Single(Drift.Between(older, newer));

        Assert.Equal(new DriftChange("N2", "driver:MPIO 1.2 → 1.3", "Changed"), change);
    }

    [Fact]
    public void Between_NodesAndFindingsComeAndGo_ReportsEach()
    {
        var desync = new SweepFinding("vm-state-desync", "web01", "High", "Online vs Saved", "vm-state-desync");
        var asr = new SweepFinding("asr-enabled", "N1", "Medium", "ASR on", "hp-asr-false-reboot");
        var older = Sweep([Node("N1"), Node("N2"), Node("N3")], desync);
        var newer = Sweep([Node("N1", ("hotfix:KB970529", "installed")), new NodeSweep("N2", new Dictionary<string, string>(), "timed out"), Node("N4")], asr);

        var kinds = Drift.Between(older, newer).Select(c => (c.Node, c.Kind)).ToList();

        Assert.Equal(
            [("N1", "Added"), ("N2", "NodeUnreachable"), ("N4", "NodeJoined"), ("N3", "NodeLeft"), ("N1", "FindingNew"), ("web01", "FindingCleared")],
            kinds);
    }

    [Fact]
    public void Between_NothingChanged_IsEmpty()
    {
        var nodes = new[] { Node("N1", ("bios", "2.1")) };

        Assert.Empty(Drift.Between(Sweep(nodes), Sweep(nodes)));
    }
}
