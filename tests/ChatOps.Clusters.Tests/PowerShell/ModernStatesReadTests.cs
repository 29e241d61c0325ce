using System.Text.Json;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.Fakes.Fixtures;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>
/// States only modern clusters report, read by the node module inside the JEA-faithful endpoint: how
/// each node reaches each CSV (<c>Get-ClusterSharedVolumeState</c>'s StateInfo and its two redirect-reason
/// flags enums, learn.microsoft.com "Use Cluster Shared Volumes in a failover cluster") and the witness
/// resource's state (<c>Get-ClusterQuorum</c>'s QuorumResource).
/// </summary>
public sealed class ModernStatesReadTests
{
    [Fact]
    public async Task Processor_MicrocodeFromTheRegistrysHighDword_SpeculationSettings_AndEachVmsCompatibility()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));

        var snapshot = await fake.Gateway().GetSnapshotAsync(CancellationToken.None);

        var processor = snapshot.Reachable.First().Inventory!.Processor!;
        Assert.Equal(("GenuineIntel", "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", "0xd0003b9"), (processor.Manufacturer, processor.Name, processor.Microcode));
        Assert.Equal((72, 3), processor.SpeculationControl);
        Assert.All(snapshot.Vms.Where(v => v.GroupState == VmGroupState.Online), v => Assert.False(v.ProcessorCompatibility));
    }

    [Fact]
    public async Task Processor_SpeculationSettingsAbsent_ReadAsWindowsDefaults_NotAsZero()
    {
        var record = ModernFixture.Record(WindowsVersion.WindowsServer2022);
        foreach (var host in ((Dictionary<string, Dictionary<string, object?>>)record["Hosts"]!).Values)
        {
            host["FeatureSettingsOverride"] = null;
            host["FeatureSettingsOverrideMask"] = null;
        }

        using var fake = new FakeCluster(record);

        var processor = (await fake.Gateway().GetSnapshotAsync(CancellationToken.None)).Reachable.First().Inventory!.Processor!;
        Assert.Equal("not set (Windows defaults)", processor.SpeculationControlText);
    }

    [Fact]
    public async Task CloudWitnessFailed_ReadWithItsState_AndReportedAsNotVoting()
    {
        var record = ModernFixture.Record(WindowsVersion.WindowsServer2022);
        ((Dictionary<string, object?>)((Dictionary<string, object?>)record["Quorum"]!)["Resource"]!)["State"] = "Failed";
        using var fake = new FakeCluster(record);

        var snapshot = await fake.Gateway().GetSnapshotAsync(CancellationToken.None);

        Assert.Equal((WitnessKind.Cloud, "Failed", false), (snapshot.Quorum.Witness, snapshot.Quorum.WitnessState, snapshot.Quorum.WitnessOnline));
        var finding = Assert.Single(ClusterChecks.RunAll(snapshot).Findings, f => f.CheckId == CheckIds.WitnessHealth);
        Assert.Equal(KbIds.CloudWitnessUnreachable, finding.KbId);
    }

    [Fact]
    public async Task AzureLocal_ReFsCsvsRedirectedOnEveryNodeByDesign_ReadAsSuch_NoFinding()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.AzureLocal23H2));

        var snapshot = await fake.Gateway().GetSnapshotAsync(CancellationToken.None);

        Assert.All(snapshot.Reachable, n => Assert.All(n.Inventory!.CsvAccess, a =>
            Assert.Equal((CsvIoMode.FileSystemRedirected, "FileSystemReFs"), (a.Mode, string.Join(",", a.Reasons)))));
        Assert.Equal(3, snapshot.Reachable.First().Inventory!.CsvAccess.Count);
        Assert.DoesNotContain(ClusterChecks.RunAll(snapshot).Findings, f => f.CheckId == CheckIds.CsvAccess);
    }

    [Fact]
    public async Task OneNodeLostItsStoragePath_BlockRedirected_AnotherPaused_EachReadWithItsReasons()
    {
        var record = ModernFixture.Record(WindowsVersion.WindowsServer2022);
        var volumes = JsonSerializer.SerializeToNode(record["SharedVolumes"])!.AsArray();
        volumes[0]!["Access"] = JsonSerializer.SerializeToNode(new Dictionary<string, object>
        {
            ["HV22-02"] = new { StateInfo = "BlockRedirected", BlockRedirectedIOReason = "NoDiskConnectivity" },
            ["HV22-03"] = new { StateInfo = "FileSystemRedirected", FileSystemRedirectedIOReason = "UserRequest, IncompatibleFileSystemFilter" },
            ["HV22-04"] = new { StateInfo = "Paused" },
        });
        record["SharedVolumes"] = volumes;
        using var fake = new FakeCluster(record);

        var snapshot = await fake.Gateway().GetSnapshotAsync(CancellationToken.None);

        CsvAccess Of(string node) => snapshot.FindNode(node)!.Inventory!.CsvAccess[0];
        Assert.Equal((CsvIoMode.Direct, 0), (Of("HV22-01").Mode, Of("HV22-01").Reasons.Count));
        Assert.Equal((CsvIoMode.BlockRedirected, "NoDiskConnectivity"), (Of("HV22-02").Mode, string.Join(",", Of("HV22-02").Reasons)));
        Assert.Equal((CsvIoMode.FileSystemRedirected, "UserRequest,IncompatibleFileSystemFilter"), (Of("HV22-03").Mode, string.Join(",", Of("HV22-03").Reasons)));
        Assert.Equal(CsvIoMode.Paused, Of("HV22-04").Mode);
        var findings = ClusterChecks.RunAll(snapshot).Findings.Where(f => f.CheckId == CheckIds.CsvAccess).ToList();
        Assert.Equal(
            [(KbIds.CsvPausedIoTimeout, "HV22-04"), (KbIds.CsvRedirectedAccess, "HV22-02"), (KbIds.CsvRedirectedAccess, "HV22-03")],
            findings.Select(f => (f.KbId, string.Join(",", f.Nodes))).Order());
    }
}
