using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

public sealed class CapacityCheckTests
{
    private static readonly Dictionary<string, Func<SnapshotBuilder, SnapshotBuilder>> Scenarios = new()
    {
        ["healthy"] = b => b,
        ["others nearly full"] = b => b.Vm("BIG", "N1", memoryMb: 16384)
            .Inventory("N2", i => i with { MemoryFreeMb = 8192 }).Inventory("N3", i => i with { MemoryFreeMb = 8192 }),
        ["largest VM fits no single node"] = b => b.Vm("HUGE", "N1", memoryMb: 70000, priority: FailoverPriority.High),
        ["no-auto-start VM too big"] = b => b.Vm("LAB", "N1", memoryMb: 70000, priority: FailoverPriority.NoAutoStart),
        ["only target paused"] = b => b.State("N2", NodeState.Paused).Inventory("N3", i => i with { MemoryFreeMb = 1024 }),
        ["fits across two nodes"] = b => b.Vm("A", "N1", memoryMb: 40000).Vm("B", "N1", memoryMb: 40000),
    };

    [Theory]
    [InlineData("healthy")]
    [InlineData("others nearly full", "N1")]
    [InlineData("largest VM fits no single node", "N1")]
    [InlineData("no-auto-start VM too big")]
    [InlineData("only target paused", "N1")]
    [InlineData("fits across two nodes")]
    public void Run_Scenario_ReportsNodesWhoseLossLeavesVmsDown(string scenario, params string[] expected) =>
        CheckAssert.Subjects(CheckIds.CapacityNPlus1, Scenarios[scenario](SnapshotBuilder.Healthy()).Build(), KbIds.FailoverCapacityReserve, expected);

    [Fact]
    public void Run_HighPriorityVmStaysDown_IsCriticalAndNamesTheVm()
    {
        var snapshot = Scenarios["largest VM fits no single node"](SnapshotBuilder.Healthy()).Build();

        var finding = Assert.Single(ClusterChecks.Find(CheckIds.CapacityNPlus1)!.Run(snapshot));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal(["HUGE"], finding.Vms);
        Assert.Contains("the most free memory left on a candidate is 64 GB", finding.Evidence, StringComparison.Ordinal);
    }
}
