using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

public sealed class VmStateDesyncCheckTests
{
    private static readonly Dictionary<string, Func<SnapshotBuilder, SnapshotBuilder>> Scenarios = new()
    {
        ["healthy"] = b => b,
        ["online but saved on owner"] = b => b.WithVm("N1-VM1", v => v with { HostStates = [new("N1", HyperVState.Saved)] }),
        ["online but off on owner"] = b => b.WithVm("N1-VM1", v => v with { HostStates = [new("N1", HyperVState.Off)] }),
        ["online but missing on owner"] = b => b.WithVm("N1-VM1", v => v with { HostStates = [] }),
        ["offline but running"] = b => b.WithVm("N1-VM1", v => v with { GroupState = VmGroupState.Offline }),
        ["failed but running on another node"] = b => b.WithVm("N1-VM1", v => v with { GroupState = VmGroupState.Failed, HostStates = [new("N2", HyperVState.Running)] }),
        ["registered on non-owner"] = b => b.WithVm("N1-VM1", v => v with { HostStates = [new("N1", HyperVState.Running), new("N3", HyperVState.Off)] }),
        // Running with its storage unreachable: cluster and Hyper-V agree it runs; vm-critical-state reports it.
        ["critical state"] = b => b.WithVm("N1-VM1", v => v with { HostStates = [new("N1", HyperVState.RunningCritical)] }),
        ["offline and off"] = b => b.WithVm("N1-VM1", v => v with { GroupState = VmGroupState.Offline, HostStates = [new("N1", HyperVState.Off)] }),
        ["owner unreachable"] = b => b.WithVm("N1-VM1", v => v with { HostStates = [] }).Unreachable("N1"),
    };

    [Theory]
    [InlineData("healthy")]
    [InlineData("online but saved on owner", "N1-VM1")]
    [InlineData("online but off on owner", "N1-VM1")]
    [InlineData("online but missing on owner", "N1-VM1")]
    [InlineData("offline but running", "N1-VM1")]
    [InlineData("failed but running on another node", "N1-VM1")]
    [InlineData("registered on non-owner", "N1-VM1")]
    [InlineData("critical state")]
    [InlineData("offline and off")]
    [InlineData("owner unreachable")]
    public void Run_Scenario_ReportsDesyncedVms(string scenario, params string[] expected) =>
        CheckAssert.Subjects(CheckIds.VmStateDesync, Scenarios[scenario](SnapshotBuilder.Healthy()).Build(), KbIds.VmStateDesync, expected);

    [Fact]
    public void Run_RunningOnTwoNodes_IsCritical()
    {
        var snapshot = SnapshotBuilder.Healthy()
            .WithVm("N1-VM1", v => v with { HostStates = [new("N1", HyperVState.Running), new("N2", HyperVState.Running)] })
            .Build();

        var finding = Assert.Single(CheckAssert.Subjects(CheckIds.VmStateDesync, snapshot, KbIds.VmStateDesync, "N1-VM1"));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Contains("2 nodes at once", finding.Evidence, StringComparison.Ordinal);
    }
}
