using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.PowerShell;

using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.Fakes.Fixtures;

namespace ChatOps.Clusters.Tests.PowerShell;

public sealed class PowerShellClusterGatewayTests
{
    [Fact]
    public async Task GetSnapshotAsync_FakeDefaultLab_MapsIntoASnapshotTheChecksRunOn()
    {
        using var fake = new FakeCluster();
        var options = fake.Options();
        options.Nodes.Add(new PowerShellNodeOptions { Name = "HV01", Site = "DC-East" });

        var snapshot = await CreateSut(fake, options).GetSnapshotAsync(CancellationToken.None);

        Assert.Equal("HVC01", snapshot.Name);
        Assert.False(snapshot.IsPartial, string.Join("; ", snapshot.Unreachable.Select(n => $"{n.Name}: {n.Failure?.Message}")));
        Assert.Equal(fake.Lab.Nodes.Select(n => (n.Name, n.State)), snapshot.Nodes.Select(n => (n.Name, n.State)));
        Assert.Equal("DC-East", snapshot.FindNode("HV01")!.Site);
        Assert.Equal(fake.Lab.Vms.Select(v => (v.Name, v.GroupState, v.OwnerNode, v.StartupMemoryMb)), snapshot.Vms.Select(v => (v.Name, v.GroupState, v.OwnerNode, v.StartupMemoryMb)));
        Assert.Equal(HyperVState.Saved, snapshot.FindVm("APP-07")!.OwnerHyperVState);
        var findings = ClusterChecks.RunAll(snapshot).Findings;
        Assert.Contains(findings, f => f.CheckId == CheckIds.VmStateDesync && f.Subject == "APP-07");
        // The 2012 R2 era's <GUID>.xml links, read from HV05's own ProgramData folder.
        Assert.Contains(findings, f => f.CheckId == CheckIds.StaleConfigLinks && f.Subject == "HV05");
        // Recorded as 2012 R2 (build 6.3.9600.19913), which carries KB970529's fix: the lab's missing hotfix is not a finding here.
        Assert.DoesNotContain(findings, f => f.CheckId == CheckIds.Kb970529Missing);
        Assert.Contains(findings, f => f.CheckId == CheckIds.HardwarePrerequisites && f.ConcernsNode("HV04"));
    }

    [Fact]
    public async Task GetSnapshotAsync_2022NodeQuarantinedAndAFailedDrain_ReadFromGetClusterNode_AndFound()
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022), change: record =>
        {
            foreach (var node in record["Nodes"]!.AsArray())
            {
                node!["StatusInformation"] = (string)node["Name"]! == "HV22-02" ? "Quarantined" : "Normal";
                node["DrainStatus"] = (string)node["Name"]! == "HV22-01" ? "Failed" : "NotInitiated";
            }
        });

        var snapshot = await CreateSut(fake, fake.Options()).GetSnapshotAsync(CancellationToken.None);

        Assert.Equal(NodeStatusInformation.Quarantined, snapshot.FindNode("HV22-02")!.Status);
        Assert.Equal(NodeDrainStatus.Failed, snapshot.FindNode("HV22-01")!.Drain);
        var findings = ClusterChecks.RunAll(snapshot).Findings;
        Assert.Contains(findings, f => f.KbId == KbIds.NodeQuarantinedOrIsolated && f.Subject == "HV22-02");
        Assert.Contains(findings, f => f.KbId == KbIds.NodeDrainFailed && f.Subject == "HV22-01");
        Assert.Equal(2, findings.Count(f => f.KbId is KbIds.NodeQuarantinedOrIsolated or KbIds.NodeDrainFailed));
    }

    [Fact]
    public async Task GetSnapshotAsync_2012R2_NodesSayNoStatusOrDrain_NothingAssumed()
    {
        using var fake = new FakeCluster();

        var snapshot = await CreateSut(fake, fake.Options()).GetSnapshotAsync(CancellationToken.None);

        Assert.All(snapshot.Nodes, n => Assert.True(n.Status is null && n.Drain is null, n.Name));
    }

    [Fact]
    public async Task GetSnapshotAsync_OneNodeHangs_ThatNodeTimesOutOthersAnswer()
    {
        using var fake = new FakeCluster(new Dictionary<string, string> { ["HV04"] = "Hang" });

        // Generous: the five healthy nodes share two cores with the rest of the suite while the sixth hangs.
        var snapshot = await CreateSut(fake, fake.Options(), TimeSpan.FromSeconds(20)).GetSnapshotAsync(CancellationToken.None);

        var hv04 = snapshot.FindNode("HV04")!;
        Assert.Equal(NodeFailureKind.Timeout, hv04.Failure?.Kind);
        Assert.Equal(5, snapshot.Reachable.Count());
    }

    [Fact]
    public async Task StopClusterServiceAsync_ResolvedNode_RunsTheScriptOnThatNode()
    {
        using var fake = new FakeCluster();

        var result = await CreateSut(fake, fake.Options()).StopClusterServiceAsync("HV02", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);

        Assert.Equal(ActionStatus.Succeeded, result.Status);
        Assert.Equal("HV02", Assert.Single(result.Outcomes).Node);
        Assert.Equal(["Terminate clussvc.exe 1012 on HV02"], fake.Calls);
    }

    [Fact]
    public async Task KillVmWorkerAsync_VmName_KillsItsWorkerOnTheOwnerById()
    {
        using var fake = new FakeCluster();

        var result = await CreateSut(fake, fake.Options()).KillVmWorkerAsync("sql-01", Deadline.Far, CancellationToken.None);

        Assert.Equal(ActionStatus.Succeeded, result.Status);
        Assert.Contains(fake.Lab.FindVm("SQL-01")!.Id.ToString(), result.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("on HV01", Assert.Single(fake.Calls), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlushDnsAsync_NodeDeniesAccess_FailsWithTheNodesMessage()
    {
        using var fake = new FakeCluster(new Dictionary<string, string> { ["HV03"] = "AccessDenied" });

        var result = await CreateSut(fake, fake.Options()).FlushDnsAsync("HV03", Deadline.Far, CancellationToken.None);

        Assert.Equal(ActionStatus.Failed, result.Status);
        Assert.Equal("FlushDns did not run: Clear-ChatOpsDnsCache on HV03: Access is denied on HV03.", result.Summary);
        Assert.Empty(fake.Calls);
    }

    [Theory]
    [InlineData("a; rm -rf /")]
    [InlineData("$(whoami)")]
    [InlineData("NODE1' -or '1")]
    [InlineData("HV01\r\nRemove-Item")]
    public async Task FlushDnsAsync_HostileNodeName_FailsWithoutCallingTheNode(string node)
    {
        using var fake = new FakeCluster();
        var options = fake.Options();

        var result = await CreateSut(fake, options).FlushDnsAsync(node, Deadline.Far, CancellationToken.None);

        Assert.Equal(ActionStatus.Failed, result.Status);
        Assert.Contains("not a valid node name", result.Summary, StringComparison.Ordinal);
        Assert.Empty(result.Outcomes);
    }

    [Fact]
    public async Task GetSnapshotAsync_ClusterUnreadable_EveryConfiguredNodeCarriesTheFailure()
    {
        using var fake = new FakeCluster(new Dictionary<string, string> { ["HV01"] = "AccessDenied" });
        var options = fake.Options();
        options.Nodes.Add(new PowerShellNodeOptions { Name = "HV01", Site = "DC-East" });

        var snapshot = await CreateSut(fake, options).GetSnapshotAsync(CancellationToken.None);

        var node = Assert.Single(snapshot.Nodes);
        Assert.Equal(NodeFailureKind.AccessDenied, node.Failure?.Kind);
        Assert.Contains("Access is denied", node.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSnapshotAsync_ClusterUnreadableNoNodesConfigured_TheClusterNameCarriesTheFailure()
    {
        using var fake = new FakeCluster(new Dictionary<string, string> { ["HV01"] = "AccessDenied" });

        var snapshot = await CreateSut(fake, fake.Options()).GetSnapshotAsync(CancellationToken.None);

        var node = Assert.Single(snapshot.Nodes);
        Assert.Equal("HVC01", node.Name);
        Assert.Contains("Access is denied", node.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSnapshotAsync_ClusterNameHangs_ViewReadFromAConfiguredNodeThatAnswers()
    {
        // The cluster name answers from HV01; HV01 hangs, HV02 answers.
        using var fake = new FakeCluster(new Dictionary<string, string> { ["HV01"] = "Hang" });
        var options = fake.Options();
        options.Nodes.Add(new PowerShellNodeOptions { Name = "HV01", Site = "DC-East" });
        options.Nodes.Add(new PowerShellNodeOptions { Name = "HV02", Site = "DC-East" });
        var started = System.Diagnostics.Stopwatch.StartNew();

        var names = await CreateSut(fake, options, TimeSpan.FromSeconds(60)).GetNodeNamesAsync(CancellationToken.None);

        Assert.Equal(["HV01", "HV02", "HV03", "HV04", "HV05", "HV06"], names);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"took {started.Elapsed}");
    }

    private static PowerShellClusterGateway CreateSut(FakeCluster fake, PowerShellOptions options, TimeSpan? timeout = null) =>
        fake.Gateway(options, timeout ?? TimeSpan.FromSeconds(90));
}
