using System.Text.Json.Nodes;
using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.Fakes.Fixtures;
using ChatOps.Clusters.PowerShell.Sessions;
using ChatOps.EndToEnd.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests.Clusters;

/// <summary>
/// The host configured for real clusters (the PowerShell backend), its nodes' JEA endpoints served
/// in process from the session configuration deploy/jea registers, over a Windows Server 2022 cluster.
/// </summary>
public sealed class PowerShellBackendTests
{
    [Fact]
    public async Task Diagnose_2022Cluster_OnlyTheRecordedFaultsNoHardwareOrIntegrationFalseAlarm()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));
        await using var host = await StartAsync(fake);

        var reply = await host.AskAsync("diagnose");

        Assert.Contains("Diagnose HVC22", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("partial", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("FIN-APP02's integration services report a protocol mismatch", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("lacks", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("NIC(s); a cluster host wants", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("runs integration services", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("KB970529", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_2022Cluster_ReadFromTheNodesLogsByRunbook_AndDiagnoseMakesTheCriticalOneAFinding()
    {
        var now = DateTimeOffset.UtcNow;
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022), change: record =>
        {
            FaultFixtures.Events(record, "HV22-01",
                FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 5120, 3, now.AddMinutes(-50), "Cluster Shared Volume 'Volume1' ('Cluster Disk 2') has entered a paused state because of 'STATUS_IO_TIMEOUT(c00000b5)'. All I/O will temporarily be queued until a path to the volume is reestablished."),
                FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 1135, 1, now.AddMinutes(-20), "Cluster node 'HV22-03' was removed from the active failover cluster membership. The Cluster service on this node may have stopped."));
            FaultFixtures.Events(record, "HV22-02",
                FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 1135, 1, now.AddMinutes(-20), "Cluster node 'HV22-03' was removed from the active failover cluster membership. The Cluster service on this node may have stopped."));
            record["Hosts"]!["HV22-03"]!["EventLogs"] = new JsonArray("System");
        });
        await using var host = await StartAsync(fake);

        var events = await host.AskAsync("events --since 2h");
        var diagnose = await host.AskAsync("diagnose node HV22-03 --details");

        Assert.Contains("Events on HVC22, last 2 h (partial)", events.VisibleText, StringComparison.Ordinal);
        Assert.Contains("node-removed-from-membership", events.VisibleText, StringComparison.Ordinal);
        Assert.Contains("csv-paused-io-timeout", events.VisibleText, StringComparison.Ordinal);
        Assert.Contains("HV22-03 could not read Microsoft-Windows-Hyper-V-VMMS-Admin (There is not an event log on the localhost computer that matches", events.VisibleText, StringComparison.Ordinal);
        Assert.Contains("HV22-01 logged FailoverClustering 1135 (Critical)", diagnose.VisibleText, StringComparison.Ordinal);
        Assert.Contains("HV22-02 logged FailoverClustering 1135 (Critical)", diagnose.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_2022Cluster_ShowsTheCloudWitness()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));
        await using var host = await StartAsync(fake);

        var reply = await host.AskAsync("cluster");

        Assert.Contains("Cluster HVC22", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Cloud contosowitness", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vm_NonAsciiName_FoundOnItsOwnerThroughTheNodesEndpoint()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));
        await using var host = await StartAsync(fake);

        var reply = await host.AskAsync("vm 财务-SQL01");

        Assert.Contains("VM 财务-SQL01", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("HV22-02", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_ClusterServiceStoppedOnANodeItsVmAlsoOnTheNewOwner_TwoNodesAndIsolationReported()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022), new Dictionary<string, string> { ["HV22-03"] = "ClusterServiceStopped" }, record =>
        {
            FaultFixtures.NodeDown(record, "HV22-03");
            FaultFixtures.AlsoRunningOn(record, "WEB-01", owner: "HV22-03", node: "HV22-01");
            record["Groups"]!.AsArray().Single(g => (string)g!["Name"]! == "WEB-01")!["OwnerNode"] = "HV22-01";
        });
        await using var host = await StartAsync(fake);

        var reply = await host.AskAsync("diagnose");

        Assert.Contains("runs on 2 nodes at once (HV22-01, HV22-03)", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("HV22-03 is Down in the cluster but answers probes", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("does not answer", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("could not read the disks it sees", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillClussvc_ThreeNodesAndAWitnessOneDown_PreviewedKeptWithoutForce()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022), change: record =>
        {
            FaultFixtures.KeepNodes(record, 3);
            FaultFixtures.NodeDown(record, "HV22-03");
        });
        await using var host = await StartAsync(fake);

        var diagnose = await host.AskAsync("diagnose");
        var preview = await host.AskAsync("kill clussvc HV22-01");

        Assert.DoesNotContain("would lose quorum", diagnose.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Quorum without HV22-01: 2 of 3 votes present, 2 needed — kept", preview.VisibleText, StringComparison.Ordinal);
        Assert.NotNull(preview.Confirmation);
    }

    [Fact]
    public async Task RemoveStalelink_VmmsStopped_RefusedAndNothingDeleted()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022), new Dictionary<string, string> { ["HV22-02"] = "VmmsStopped" });
        var link = Path.Combine(fake.LinkFolder("HV22-02"), ModernFixture.StaleLinkVm.ToUpperInvariant() + ".vmcx");
        await using var host = await StartAsync(fake);

        var reply = await host.AskAsync($"remove stalelink HV22-02 {ModernFixture.StaleLinkVm}");

        Assert.Contains("could not read its Hyper-V VMs", reply.VisibleText, StringComparison.Ordinal);
        Assert.Null(reply.Confirmation);
        Assert.True(File.Exists(link));
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task Diagnose_FailedCsv_OneFindingAboutItAndNoQuorumFinding()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022), change: record => FaultFixtures.FailedCsv(record, "Cluster Disk 2"));
        await using var host = await StartAsync(fake);

        var reply = await host.AskAsync("diagnose");

        Assert.Contains("CSV Cluster Disk 2 is Failed in the cluster", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("Quorum", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot read", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_2022Cluster_RedirectedCsvAndFailedCloudWitness_EachWithItsRunbook_AndMigrateCheckNamesTheProcessorBlocker()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022), change: record =>
        {
            record["Quorum"]!["Resource"]!["State"] = "Failed";
            record["SharedVolumes"]![1]!["Access"] = new JsonObject { ["HV22-02"] = new JsonObject { ["StateInfo"] = "BlockRedirected", ["BlockRedirectedIOReason"] = "NoDiskConnectivity" } };
            record["Hosts"]!["HV22-05"]!["Processor"] = "Intel(R) Xeon(R) Gold 6438Y+ CPU @ 2.00GHz";
        });
        await using var host = await StartAsync(fake);

        var diagnose = await host.AskAsync("diagnose --details");
        var migrate = await host.AskAsync("migrate-check DC01 HV22-05");

        Assert.Contains("The cloud witness (storage account contosowitness) is Failed: it does not vote", diagnose.VisibleText, StringComparison.Ordinal);
        Assert.Contains("cloud-witness-unreachable", diagnose.VisibleText, StringComparison.Ordinal);
        Assert.Contains("CSV Cluster Disk 2 is block redirected on HV22-02 (NoDiskConnectivity)", diagnose.VisibleText, StringComparison.Ordinal);
        Assert.Contains("csv-redirected-access", diagnose.VisibleText, StringComparison.Ordinal);
        Assert.Contains("model of the processor on HV22-05 is Intel(R) Xeon(R) Gold 6438Y+", diagnose.VisibleText, StringComparison.Ordinal);
        Assert.Contains("DC01 cannot live-migrate from HV22-01 to HV22-05: Processor compatibility: off for DC01", migrate.VisibleText, StringComparison.Ordinal);
    }

    private static Task<ChatOpsHost> StartAsync(FakeCluster fake) => ChatOpsHost.StartAsync(
        new Dictionary<string, string?>
        {
            ["ChatOps:Cluster:Backend"] = "PowerShell",
            ["ChatOps:PowerShell:ClusterName"] = fake.Name,
            ["ChatOps:Cluster:NodeTimeout"] = "00:00:30",
            ["ChatOps:Bot:WorkingReplyAfter"] = "00:00:14",
            ["ChatOps:Access:Admins:0"] = TeamsUser.Dana.AadObjectId,
        },
        services => services.AddSingleton<IRunspacePoolFactory>(new JeaRunspacePoolFactory(fake)));
}
