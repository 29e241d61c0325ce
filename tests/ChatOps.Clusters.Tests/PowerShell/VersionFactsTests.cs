using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Checks.Parity;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.PowerShell;
using ChatOps.Clusters.Fakes.Fixtures;

using ChatOps.Clusters.Fakes;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>
/// The facts of what real Windows returns (shared POWERSHELL-FACTS), each against the node functions
/// run inside the JEA-faithful endpoint over clusters recorded in each version's shapes.
/// </summary>
public sealed class VersionFactsTests
{
    public static TheoryData<WindowsVersion> Modern => [WindowsVersion.WindowsServer2019, WindowsVersion.WindowsServer2022, WindowsVersion.AzureLocal23H2];

    [Theory]
    [MemberData(nameof(Modern))]
    public async Task Diagnose_HealthyModernCluster_OnlyTheRecordedFaultsNoFalseAlarms(WindowsVersion version)
    {
        using var fake = new FakeCluster(ModernFixture.Record(version));

        var snapshot = await SnapshotAsync(fake);
        var findings = ClusterChecks.RunAll(snapshot).Findings;

        Assert.False(snapshot.IsPartial, string.Join("; ", snapshot.Unreachable.Select(n => $"{n.Name}: {n.Failure?.Message}")));
        Assert.Equal(
            [(CheckIds.DnsResolution, Node(version, 3)), (CheckIds.IntegrationServicesLag, "FIN-APP02"), (CheckIds.StaleConfigLinks, Node(version, 2))],
            findings.Select(f => (f.CheckId, f.Subject)).Order());
    }

    [Theory]
    [MemberData(nameof(Modern))]
    public async Task Hardware_HypervisorRunningWhileProcessorFlagsReadFalse_VirtualizationAndSlatPresent(WindowsVersion version)
    {
        using var fake = new FakeCluster(ModernFixture.Record(version));

        var snapshot = await SnapshotAsync(fake);

        Assert.All(snapshot.Reachable, n => Assert.Equal(new HardwareFeatures(true, true, true, true), n.Inventory!.Hardware));
    }

    [Fact]
    public async Task Quorum_CloudWitnessUnderMajority_IsACloudWitnessNotNone()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));

        var quorum = (await SnapshotAsync(fake)).Quorum;

        Assert.Equal((QuorumType.NodeAndCloudMajority, WitnessKind.Cloud, "contosowitness"), (quorum.Type, quorum.Witness, quorum.WitnessLocation));
    }

    [Fact]
    public async Task Quorum_FileShareWitnessUnderMajority_2019_IsNodeAndFileShareMajority()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2019));

        var quorum = (await SnapshotAsync(fake)).Quorum;

        Assert.Equal((QuorumType.NodeAndFileShareMajority, WitnessKind.FileShare), (quorum.Type, quorum.Witness));
    }

    [Fact]
    public async Task Disks_CsvPathsAndANonCsvDisk_EachWithItsVolumeAndVmsMappedToTheirCsv()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));

        var snapshot = await SnapshotAsync(fake);

        var staging = Assert.Single(snapshot.Disks, d => !d.IsCsv);
        Assert.Equal(("Cluster Disk 4", 512L), (staging.Id, staging.SizeGb));
        Assert.NotEqual(Guid.Empty, staging.VolumeGuid);
        var volume1 = snapshot.Disks.Single(d => d.Path == @"C:\ClusterStorage\Volume1");
        Assert.All(snapshot.Vms, v => Assert.Equal(volume1.VolumeGuid, v.ConfigVolume));
        Assert.All(snapshot.Reachable, n => Assert.Contains("Cluster Disk 4", n.Inventory!.VisibleDisks));
    }

    [Fact]
    public async Task Disks_NoClusterSharedVolumeStateBefore2012R2_VisibilityUnknownNotHidden()
    {
        var record = FakeClusterRecord2012();
        using var fake = new FakeCluster(record);

        var snapshot = await SnapshotAsync(fake);

        Assert.Empty(snapshot.Unreachable);
        Assert.All(snapshot.Reachable, n => Assert.Contains("2012 R2", n.Inventory!.Unread[InventoryPart.Disks].Message, StringComparison.Ordinal));
        Assert.DoesNotContain(ClusterChecks.RunAll(snapshot).Findings, f => f.CheckId == CheckIds.DiskVisibility);
    }

    [Fact]
    public async Task IntegrationServices_FromSecondaryOperationalStatus_OnlyTheProtocolMismatchLags()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));

        var snapshot = await SnapshotAsync(fake);

        Assert.Equal(["FIN-APP02"], snapshot.Vms.Where(v => v.IntegrationServicesOutdated == true).Select(v => v.Name));
        Assert.All(snapshot.Reachable, n => Assert.Equal(new Version(0, 0), n.Inventory!.IntegrationServices));
    }

    [Fact]
    public async Task Drivers_ManyDevicesPerClassInAnyOrder_OnlyRealDevicesEveryVersionNoDrift()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));

        var snapshot = await SnapshotAsync(fake);

        var drivers = snapshot.Reachable.First().Inventory!.Drivers;
        Assert.Equal(
            [("HBA", "HPE Smart Array E208i-a SR Gen10"), ("NIC", "Intel(R) Ethernet Controller E810-C for QSFP"), ("NIC", "Intel(R) Ethernet Controller E810-C for QSFP #2")],
            drivers.Select(d => (d.DeviceClass, d.Name)).Order());
        Assert.All(ParityMatrix.Build(snapshot).Where(r => r.Category == ParityCategories.Driver), r => Assert.False(r.HasOutliers, r.Component));
    }

    [Theory]
    [MemberData(nameof(Modern))]
    public async Task Nics_ConvergedHost_AddressesOnVEthernetAndUplinksTeamed(WindowsVersion version)
    {
        using var fake = new FakeCluster(ModernFixture.Record(version));

        var nics = (await SnapshotAsync(fake)).Reachable.First().Inventory!.Nics;

        Assert.Equal("10.10.0.0/24", nics.Single(n => n.Name == "vEthernet (Management)").Subnet);
        Assert.Equal(NicRole.LiveMigration, nics.Single(n => n.Name == "vEthernet (LiveMigration)").Role);
        Assert.All(nics.Where(n => n.Name.StartsWith("SLOT", StringComparison.Ordinal)), n => Assert.True(n.Teamed && n.Subnet.Length == 0, n.Name));
    }

    [Fact]
    public async Task StaleLinks_VmcxLinkOfNoRegisteredVm_FoundAndRemovedFromTheNode()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));
        var link = Path.Combine(fake.LinkFolder("HV22-02"), ModernFixture.StaleLinkVm.ToUpperInvariant() + ".vmcx");

        var snapshot = await SnapshotAsync(fake);
        var result = await Gateway(fake).RemoveStaleLinkAsync("HV22-02", Guid.Parse(ModernFixture.StaleLinkVm), Deadline.Far, CancellationToken.None);

        Assert.Contains(Guid.Parse(ModernFixture.StaleLinkVm), snapshot.FindNode("HV22-02")!.Inventory!.ConfigLinks);
        Assert.Equal(ActionStatus.Succeeded, result.Status);
        Assert.False(File.Exists(link));
    }

    [Fact]
    public async Task StaleLinks_RegisteredVmsLink_RefusedOnTheNodeAndKept()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));
        var id = ModernFixture.VmId("财务-SQL01");

        var result = await Gateway(fake).RemoveStaleLinkAsync("HV22-02", Guid.Parse(id), Deadline.Far, CancellationToken.None);

        Assert.Equal(ActionStatus.Refused, result.Status);
        Assert.True(File.Exists(Path.Combine(fake.LinkFolder("HV22-02"), id.ToUpperInvariant() + ".vmcx")));
    }

    [Fact]
    public async Task PatchLevel_OneNodeBehindOnTheCumulativeUpdate_BuildDriftFoundThoughHotfixesMatch()
    {
        var record = ModernFixture.Record(WindowsVersion.WindowsServer2022);
        ((Dictionary<string, Dictionary<string, object?>>)record["Hosts"]!)["HV22-04"]["Ubr"] = 2582;
        using var fake = new FakeCluster(record);

        var snapshot = await SnapshotAsync(fake);

        Assert.Equal("10.0.20348.2762", snapshot.FindNode("HV22-01")!.Inventory!.OsBuild);
        var finding = Assert.Single(ClusterChecks.RunAll(snapshot).Findings, f => f.CheckId == CheckIds.HotfixParity);
        Assert.Equal("HV22-04", finding.Subject);
        Assert.Contains("10.0.20348.2582", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VmStates_ForcedServicingAndHibernated_MappedFaithfullyNeverOff()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));

        var snapshot = await SnapshotAsync(fake);

        Assert.Equal(HyperVState.Stopping, snapshot.FindVm("WEB-02")!.OwnerHyperVState);
        Assert.Equal(HyperVState.Other, snapshot.FindVm("RDS-01")!.OwnerHyperVState);
        Assert.Equal(HyperVState.Hibernated, snapshot.FindVm("LAB-OLD")!.OwnerHyperVState);
    }

    [Fact]
    public async Task Asr_NoDocumentedSource_UnknownNeverOff()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));

        var snapshot = await SnapshotAsync(fake);

        Assert.All(snapshot.Reachable, n => Assert.Null(n.Inventory!.AsrEnabled));
        Assert.Equal("unknown", ParityMatrix.Build(snapshot).Single(r => r.Category == ParityCategories.Asr).Majority);
    }

    [Fact]
    public async Task Dns_CacheStillHoldsTheOldAddressAndAnAliasAnswersCname_StaleAgainstTheServer()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));
        using var runner = fake.Runner();

        var json = await runner.InvokeAsync("HV22-03", PowerShellCommands.NodeInventory, [new("NodeName", "HV22-03"), new("PeerNodes", "HV22-01,HV22-02")], TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal(["app.contoso.local"], json.GetProperty("staleDnsEntries").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["HV22-01", "HV22-02"], json.GetProperty("resolvableNodes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Names_NonAsciiVmName_ArrivesIntactThroughRemoting()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));

        var snapshot = await SnapshotAsync(fake);

        Assert.NotNull(snapshot.FindVm("财务-SQL01"));
        Assert.Equal(16384, snapshot.FindVm("财务-SQL01")!.StartupMemoryMb);
    }

    [Fact]
    public async Task KillVmWorker_VmOnAnotherNode_RefusedByTheNode()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));
        using var runner = fake.Runner();

        var json = await runner.InvokeAsync("HV22-01", PowerShellCommands.StopVmWorker,
            [new("NodeName", "HV22-01"), new("VmId", ModernFixture.VmId("WEB-01")), new("NotAfter", Deadline.FarText)], TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal("Refused", json.GetProperty("status").GetString());
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task KillClusterService_EndpointIsAnotherNode_RefusedByTheNode()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));
        using var runner = fake.Runner();

        var json = await runner.InvokeAsync("HV22-01", PowerShellCommands.StopClusterService, [new("NodeName", "HV22-02"), new("ExpectedQuorum", "Kept"), new("NotAfter", Deadline.FarText)], TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal("Refused", json.GetProperty("status").GetString());
        Assert.Empty(fake.Calls);
    }

    [Theory]
    [InlineData(false, ActionStatus.Refused)]
    [InlineData(true, ActionStatus.Succeeded)]
    public async Task KillClusterService_LastTwoNodesTheVoteCarrier_NodeRefusesQuorumLossUnlessForced(bool force, ActionStatus expected)
    {
        using var fake = new FakeCluster(LastTwoVotes());

        var result = await Gateway(fake).StopClusterServiceAsync("HV22-01", force, Deadline.Far, CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Equal(force ? 1 : 0, fake.Calls.Length);
        if (!force)
        {
            Assert.Contains("0 of 1 votes left, 1 needed, live votes", result.Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KillClusterService_LastTwoNodesTheVotelessOne_KeptWithoutForce()
    {
        using var fake = new FakeCluster(LastTwoVotes());

        var result = await Gateway(fake).StopClusterServiceAsync("HV22-02", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);

        Assert.Equal(ActionStatus.Succeeded, result.Status);
        Assert.Single(fake.Calls);
    }

    [Fact]
    public async Task KillClusterService_FullyQualifiedName_StillCountsThatNodesVote()
    {
        using var fake = new FakeCluster(LastTwoVotes());
        using var runner = fake.Runner();

        var json = await runner.InvokeAsync("HV22-01", PowerShellCommands.StopClusterService,
            [new("NodeName", "HV22-01.contoso.local"), new("ExpectedQuorum", "Kept"), new("NotAfter", Deadline.FarText)], TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal("Refused", json.GetProperty("status").GetString());
        Assert.Contains("0 of 1 votes left", json.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Empty(fake.Calls);
    }

    /// <summary>
    /// The 2022 cluster with only HV22-01 and HV22-02 up and no witness: dynamic quorum has zeroed one of
    /// the two votes (HV22-02's), so losing HV22-01 loses quorum and losing HV22-02 does not
    /// (learn.microsoft.com "Understand cluster and pool quorum", two nodes without a witness).
    /// </summary>
    private static Dictionary<string, object?> LastTwoVotes()
    {
        var record = ModernFixture.Record(WindowsVersion.WindowsServer2022);
        var states = new[] { "HV22-01", "HV22-02", "HV22-03", "HV22-04", "HV22-05", "HV22-06" }.Select((n, i) => (n, i < 2 ? NodeState.Up : NodeState.Down)).ToList();
        record["Nodes"] = FakeCluster.NodeRecords(states, witness: false);
        record["Cluster"] = FakeCluster.ClusterRecord("HVC22", states.Select(s => s.Item2).ToList(), witness: false);
        ((Dictionary<string, object?>)record["Quorum"]!)["Resource"] = null;
        return record;
    }

    private static string Node(WindowsVersion version, int number) => version switch
    {
        WindowsVersion.WindowsServer2019 => $"HV19-{number:00}",
        WindowsVersion.AzureLocal23H2 => $"AZL{number:00}",
        _ => $"HV22-{number:00}",
    };

    private static Dictionary<string, object?> FakeClusterRecord2012()
    {
        using var lab = new FakeCluster();
        var record = lab.Record;
        record["MissingCommands"] = new[] { "Get-VMSwitchTeam", "Get-ClusterSharedVolumeState" };
        return record;
    }

    private static Task<ClusterSnapshot> SnapshotAsync(FakeCluster fake) => Gateway(fake).GetSnapshotAsync(CancellationToken.None);

    private static PowerShellClusterGateway Gateway(FakeCluster fake) => fake.Gateway();
}
