using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

/// <summary>What the checks make of facts only modern hosts report: OS build, per-VM integration status, unknown disk visibility, VM states.</summary>
public sealed class ModernHostChecksTests
{
    [Fact]
    public void Kb970529_NodesOn2012OrLater_NotJudged()
    {
        var snapshot = SnapshotBuilder.Healthy()
            .Inventory("N1", i => i with { OsBuild = "10.0.20348.2762", Hotfixes = [] })
            .Inventory("N2", i => i with { OsBuild = "6.1.7601.24545", Hotfixes = [] })
            .Build();

        CheckAssert.Subjects(CheckIds.Kb970529Missing, snapshot, KbIds.VolumeGuidChange, "N2");
    }

    [Fact]
    public void IntegrationServices_GuestReportsUpToDate_NotComparedWithTheHostsVersion()
    {
        var snapshot = SnapshotBuilder.Healthy()
            .WithVm("N1-VM1", v => v with { IntegrationServices = new Version(6, 0), IntegrationServicesOutdated = false })
            .WithVm("N2-VM1", v => v with { IntegrationServices = new Version(0, 0), IntegrationServicesOutdated = true })
            .Build();

        var finding = Assert.Single(CheckAssert.Subjects(CheckIds.IntegrationServicesLag, snapshot, KbIds.DuplicateIpApipa, "N2-VM1"));
        Assert.Contains("protocol mismatch", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void IntegrationServices_HostVersionUnknown_NoVersionComparison()
    {
        var snapshot = SnapshotBuilder.Healthy()
            .Inventory("N1", i => i with { IntegrationServices = new Version(0, 0) })
            .Inventory("N2", i => i with { IntegrationServices = new Version(0, 0) })
            .Inventory("N3", i => i with { IntegrationServices = new Version(0, 0) })
            .WithVm("N1-VM1", v => v with { IntegrationServices = new Version(0, 0) })
            .Build();

        CheckAssert.Subjects(CheckIds.IntegrationServicesLag, snapshot, KbIds.DuplicateIpApipa);
    }

    [Fact]
    public void DiskVisibility_NodeCannotTell_NotReportedBlind()
    {
        var snapshot = SnapshotBuilder.Healthy()
            .Inventory("N2", i => i with { VisibleDisks = [], Unread = new Dictionary<InventoryPart, NodeFailure> { [InventoryPart.Disks] = new(NodeFailureKind.Error, "no Get-ClusterSharedVolumeState") } })
            .Build();

        CheckAssert.Subjects(CheckIds.DiskVisibility, snapshot, KbIds.LunNotPresented);
    }

    [Fact]
    public void HotfixParity_SameHotfixesOtherBuild_ReportsTheBuild()
    {
        var snapshot = SnapshotBuilder.Healthy()
            .Inventory("N1", i => i with { OsBuild = "10.0.20348.2762" })
            .Inventory("N2", i => i with { OsBuild = "10.0.20348.2762" })
            .Inventory("N3", i => i with { OsBuild = "10.0.20348.2582" })
            .Build();

        var finding = Assert.Single(CheckAssert.Subjects(CheckIds.HotfixParity, snapshot, KbIds.PatchLevelParity, "N3"));
        Assert.Equal("Windows 10.0.20348 build on N3 is 10.0.20348.2582; 2 of 3 nodes have 10.0.20348.2762.", finding.Evidence);
    }

    [Theory]
    [InlineData(HyperVState.Other)]
    [InlineData(HyperVState.Hibernated)]
    public void VmStateDesync_StatesNotOffNorSaved_OnlineGroupNotReportedOff(HyperVState state)
    {
        var snapshot = SnapshotBuilder.Healthy().Vm("SVC", "N1", hyperV: state).Build();

        Assert.DoesNotContain(ClusterChecks.Find(CheckIds.VmStateDesync)!.Run(snapshot), f => f.Subject == "SVC");
        Assert.False(state.IsCritical());
    }
}
