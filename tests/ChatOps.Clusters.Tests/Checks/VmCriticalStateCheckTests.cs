using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

public sealed class VmCriticalStateCheckTests
{
    private static readonly Dictionary<string, Func<SnapshotBuilder, SnapshotBuilder>> Scenarios = new()
    {
        ["healthy"] = b => b,
        ["paused-critical on owner"] = b => b.WithVm("N1-VM1", v => v with { HostStates = [new("N1", HyperVState.PausedCritical)] }),
        ["saved-critical, cluster says online"] = b => b.WithVm("N1-VM1", v => v with { HostStates = [new("N1", HyperVState.SavedCritical)] }),
        ["off-critical on a failed VM"] = b => b.WithVm("N1-VM1", v => v with { GroupState = VmGroupState.Failed, HostStates = [new("N1", HyperVState.OffCritical)] }),
        ["running-critical"] = b => b.WithVm("N1-VM1", v => v with { HostStates = [new("N1", HyperVState.RunningCritical)] }),
        ["saved, not critical"] = b => b.WithVm("N1-VM1", v => v with { HostStates = [new("N1", HyperVState.Saved)] }),
        ["hibernated"] = b => b.WithVm("N1-VM1", v => v with { HostStates = [new("N1", HyperVState.Hibernated)] }),
        ["two VMs"] = b => b
            .WithVm("N1-VM1", v => v with { HostStates = [new("N1", HyperVState.PausedCritical)] })
            .WithVm("N2-VM1", v => v with { HostStates = [new("N2", HyperVState.OffCritical)] }),
    };

    [Theory]
    [InlineData("healthy")]
    [InlineData("paused-critical on owner", "N1-VM1")]
    [InlineData("saved-critical, cluster says online", "N1-VM1")]
    [InlineData("off-critical on a failed VM", "N1-VM1")]
    [InlineData("running-critical", "N1-VM1")]
    [InlineData("saved, not critical")]
    [InlineData("hibernated")]
    [InlineData("two VMs", "N1-VM1", "N2-VM1")]
    public void Run_Scenario_ReportsVmsInACriticalState(string scenario, params string[] expected) =>
        CheckAssert.Subjects(CheckIds.VmCriticalState, Scenarios[scenario](SnapshotBuilder.Healthy()).Build(), KbIds.VmCriticalStates, expected);

    [Fact]
    public void Run_PausedCritical_IsCriticalAndNamesTheNodeAndWhatHyperVSays()
    {
        var snapshot = Scenarios["paused-critical on owner"](SnapshotBuilder.Healthy()).Build();

        var finding = Assert.Single(new VmCriticalStateCheck().Run(snapshot));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal("N1-VM1: Hyper-V on N1 reports PausedCritical (Paused, its storage unreachable from there); the cluster says Online.", finding.Evidence);
        Assert.Equal(["N1"], finding.Nodes);
        Assert.Equal(["N1-VM1"], finding.Vms);
    }
}
