using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Tests.Lab;

/// <summary>The embedded default lab holds one live instance of every seeded failure the issue lists.</summary>
public sealed class DefaultLabTests
{
    private static readonly CheckReport Report = ClusterChecks.RunAll(LabClusters.LoadDefault().Snapshot());

    [Theory]
    [InlineData(CheckIds.VmStateDesync, "APP-07", KbIds.VmStateDesync)]
    [InlineData(CheckIds.StaleConfigLinks, "HV05", KbIds.StaleVmConfigLinks)]
    [InlineData(CheckIds.Kb970529Missing, "HV02", KbIds.VolumeGuidChange)]
    [InlineData(CheckIds.HotfixParity, "HV02", KbIds.PatchLevelParity)]
    [InlineData(CheckIds.VmConfigVolumeMissing, "RPT-02", KbIds.VolumeGuidChange)]
    [InlineData(CheckIds.HardwarePrerequisites, "HV04", KbIds.HostHardware)]
    [InlineData(CheckIds.StorageNetwork, "HV03", KbIds.IscsiNetwork)]
    [InlineData(CheckIds.DiskVisibility, "LUN12", KbIds.LunNotPresented)]
    [InlineData(CheckIds.DriverParity, "HV06", KbIds.DriverParity)]
    [InlineData(CheckIds.FirmwareParity, "HV04", KbIds.FirmwareParity)]
    [InlineData(CheckIds.AsrEnabled, "HV02", KbIds.HpAsr)]
    [InlineData(CheckIds.LegacyNic, "OLDAPP-01", KbIds.LegacyNic)]
    [InlineData(CheckIds.ApipaDuplicateIp, "CRM-04", KbIds.DuplicateIpApipa)]
    [InlineData(CheckIds.IntegrationServicesLag, "CRM-04", KbIds.DuplicateIpApipa)]
    [InlineData(CheckIds.QuorumWitness, "HVC01", KbIds.QuorumConfiguration)]
    [InlineData(CheckIds.CapacityNPlus1, "HV01", KbIds.FailoverCapacityReserve)]
    [InlineData(CheckIds.NodeState, "HV03", KbIds.HostIsolation)]
    [InlineData(CheckIds.DnsResolution, "HV05", KbIds.MultisiteDns)]
    public void RunAll_DefaultLab_SeededFailureIsFound(string checkId, string subject, string kbId)
    {
        var findings = Report.Findings.Where(f => f.CheckId == checkId && f.Subject == subject).ToList();

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(kbId, f.KbId));
    }

    [Fact]
    public void RunAll_DefaultLab_FindsAtLeastFourteenDistinctChecksAndNoUnreachableNode()
    {
        Assert.True(Report.Findings.Select(f => f.CheckId).Distinct().Count() >= 14);
        Assert.False(Report.IsPartial);
    }

    [Fact]
    public void RunAll_DefaultLab_DriverAndFirmwareOutliersAreTheSeededComponents()
    {
        var drivers = Report.Findings.Where(f => f.CheckId == CheckIds.DriverParity).Select(f => f.Evidence.Split(' ')[0]).Order();
        var firmware = Report.Findings.Where(f => f.CheckId == CheckIds.FirmwareParity).Select(f => f.Evidence.Split(' ')[0]).Order();

        Assert.Equal(["MPIO", "NIC"], drivers);
        Assert.Equal(["BIOS", "HBA"], firmware);
    }

    [Fact]
    public void Snapshot_DefaultLab_IsHvc01WithSixNodesInTwoSitesAndOnePaused()
    {
        var snapshot = LabClusters.LoadDefault().Snapshot();

        Assert.Equal("HVC01", snapshot.Name);
        Assert.Equal(["DC-East", "DC-West"], snapshot.Sites);
        Assert.Equal(6, snapshot.Nodes.Count);
        Assert.Equal("HV03", Assert.Single(snapshot.Nodes, n => n.State == NodeState.Paused).Name);
        Assert.InRange(snapshot.Vms.Count, 55, 65);
    }

    [Fact]
    public void Snapshot_DefaultLab_DesyncedVmIsOnlineInTheClusterButSavedInHyperV()
    {
        var vm = LabClusters.LoadDefault().Snapshot().FindVm("app-07")!;

        Assert.Equal(VmGroupState.Online, vm.GroupState);
        Assert.Equal(HyperVState.Saved, vm.OwnerHyperVState);
    }
}
