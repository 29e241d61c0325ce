using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

public sealed class StorageChecksTests
{
    private static readonly Dictionary<string, Func<SnapshotBuilder, SnapshotBuilder>> Scenarios = new()
    {
        ["healthy"] = b => b,
        ["VM on a resized LUN"] = b => b.WithVm("N2-VM1", v => v with { ConfigVolume = Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301") }),
        ["CSV hidden from N3"] = b => b.HideDisk("N3", "CSV1"),
        ["LUN hidden from N2 and N3"] = b => b.Disk(new("LUN12", 500, Guid.NewGuid(), false)).HideDisk("N2", "LUN12").HideDisk("N3", "LUN12"),
        ["CSV hidden from unreachable N3"] = b => b.HideDisk("N3", "CSV1").Unreachable("N3"),
    };

    [Theory]
    [InlineData(CheckIds.VmConfigVolumeMissing, KbIds.VolumeGuidChange, "healthy")]
    [InlineData(CheckIds.VmConfigVolumeMissing, KbIds.VolumeGuidChange, "VM on a resized LUN", "N2-VM1")]
    [InlineData(CheckIds.DiskVisibility, KbIds.LunNotPresented, "healthy")]
    [InlineData(CheckIds.DiskVisibility, KbIds.LunNotPresented, "CSV hidden from N3", "CSV1")]
    [InlineData(CheckIds.DiskVisibility, KbIds.LunNotPresented, "LUN hidden from N2 and N3", "LUN12")]
    [InlineData(CheckIds.DiskVisibility, KbIds.LunNotPresented, "CSV hidden from unreachable N3")]
    public void Run_Scenario_ReportsSubjects(string checkId, string kbId, string scenario, params string[] expected) =>
        CheckAssert.Subjects(checkId, Scenarios[scenario](SnapshotBuilder.Healthy()).Build(), kbId, expected);

    [Fact]
    public void DiskVisibility_HiddenCsv_NamesBlindNodeAndItsVms()
    {
        var snapshot = Scenarios["CSV hidden from N3"](SnapshotBuilder.Healthy(vmsPerNode: 1)).Build();

        var finding = Assert.Single(ClusterChecks.Find(CheckIds.DiskVisibility)!.Run(snapshot));

        Assert.Equal(["N3"], finding.Nodes);
        Assert.Equal(["N1-VM1", "N2-VM1", "N3-VM1"], finding.Vms);
    }
}
