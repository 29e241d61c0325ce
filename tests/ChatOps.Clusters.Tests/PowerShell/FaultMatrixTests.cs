using System.Text.Json.Nodes;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.Fakes.Fixtures;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;
using ChatOps.Clusters.PowerShell;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>
/// The fault matrix: a 2022 cluster recorded in documented shapes with one part of a node in a
/// documented failure state, read through the shipped ChatOpsJea module in the endpoint PowerShell
/// builds from ChatOps.pssc, then the real gateway and checks. Each row names the page or thread the
/// failure follows (the fakes cite them in full: FakeData.ps1, FailoverClusters.psm1, Hyper-V.psm1,
/// CimCmdlets.psm1, ChatOpsFakeWindows.psm1). The WinRM restart under a warm pool is in NodeSessionsTests.
/// </summary>
public sealed class FaultMatrixTests
{
    private const string Node1 = "HV22-01";
    private const string Node2 = "HV22-02";
    private const string Node3 = "HV22-03";

    /// <summary>
    /// Cluster service stopped on a node, its VMs still running (FailoverClusters cmdlets throw
    /// ClusterEndpointNotRegistered there: dbachecks #314, HealthChecker #195; Hyper-V still answers).
    /// </summary>
    [Fact]
    public async Task ClusterServiceStopped_ItsVmAlsoRunsOnTheNewOwner_IsolationAndTwoNodesReported()
    {
        using var fake = Fake(new() { [Node3] = "ClusterServiceStopped" }, record =>
        {
            FaultFixtures.NodeDown(record, Node3);
            FaultFixtures.AlsoRunningOn(record, "WEB-01", owner: Node3, node: Node1);
            record["Groups"]!.AsArray().Single(g => (string)g!["Name"]! == "WEB-01")!["OwnerNode"] = Node1;
        });

        var snapshot = await Gateway(fake).GetSnapshotAsync(CancellationToken.None);
        var findings = ClusterChecks.RunAll(snapshot).Findings;

        var node3 = snapshot.FindNode(Node3)!;
        Assert.True(node3.IsReachable, node3.Failure?.Message);
        Assert.Equal(NodeState.Down, node3.State);
        Assert.Contains("cluster service is not running", node3.Inventory!.Unread[InventoryPart.Disks].Message, StringComparison.Ordinal);
        Assert.True(node3.Inventory.Knows(InventoryPart.HyperV));
        Assert.Contains(findings, f => f.CheckId == CheckIds.VmStateDesync && f.Subject == "WEB-01" && f.Severity == Severity.Critical &&
            f.Evidence.Contains($"runs on 2 nodes at once ({Node1}, {Node3})", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.CheckId == CheckIds.NodeState && f.Subject == Node3 && f.Evidence.Contains("answers probes", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.CheckId == CheckIds.NodePartsUnread && f.Subject == Node3);
        Assert.DoesNotContain(findings, f => f.CheckId == CheckIds.DiskVisibility);
    }

    /// <summary>VMMS stopped: Hyper-V cmdlets write ObjectNotFound, as for a missing VM (minikube #16679).</summary>
    [Fact]
    public async Task VmmsStopped_StaleLinkRemovalAndWorkerKill_RefusedNothingTouched()
    {
        using var fake = Fake(new() { [Node2] = "VmmsStopped" });
        var registered = ModernFixture.VmId("财务-SQL01");
        var link = Path.Combine(fake.LinkFolder(Node2), registered.ToUpperInvariant() + ".vmcx");

        var snapshot = await Gateway(fake).GetSnapshotAsync(CancellationToken.None);
        var remove = await Gateway(fake).RemoveStaleLinkAsync(Node2, Guid.Parse(registered), Deadline.Far, CancellationToken.None);
        var kill = await Gateway(fake).KillVmWorkerAsync("FIN-APP02", Deadline.Far, CancellationToken.None);

        Assert.False(snapshot.FindNode(Node2)!.Inventory!.Knows(InventoryPart.HyperV));
        Assert.DoesNotContain(ClusterChecks.RunAll(snapshot).Findings, f => f.CheckId == CheckIds.StaleConfigLinks && f.Subject == Node2);
        Assert.Equal(ActionStatus.Refused, remove.Status);
        Assert.Contains("Hyper-V on HV22-02 did not answer", remove.Summary, StringComparison.Ordinal);
        Assert.True(File.Exists(link));
        Assert.Equal(ActionStatus.Refused, kill.Status);
        Assert.Empty(fake.Calls);
    }

    /// <summary>Only a link is removed: a real file of that name stays (a reparse point is the positive evidence).</summary>
    [Fact]
    public async Task RemoveStaleLink_FileIsNotALink_Refused()
    {
        using var fake = Fake();
        var link = Path.Combine(fake.LinkFolder(Node2), ModernFixture.StaleLinkVm.ToUpperInvariant() + ".vmcx");
        File.Delete(link);
        File.WriteAllText(link, "<not a link />");

        var result = await Gateway(fake).RemoveStaleLinkAsync(Node2, Guid.Parse(ModernFixture.StaleLinkVm), Deadline.Far, CancellationToken.None);

        Assert.Equal(ActionStatus.Refused, result.Status);
        Assert.True(File.Exists(link));
    }

    /// <summary>A failed CSV: its SharedVolumeInfo is not documented (empty here); the view must still be read.</summary>
    [Fact]
    public async Task FailedCsvWithNoVolumeInfo_OneFindingAboutItAndNoQuorumFinding()
    {
        using var fake = Fake(change: record => FaultFixtures.FailedCsv(record, "Cluster Disk 2"));

        var snapshot = await Gateway(fake).GetSnapshotAsync(CancellationToken.None);
        var findings = ClusterChecks.RunAll(snapshot).Findings;

        Assert.Null(snapshot.ViewFailure);
        Assert.All(snapshot.Nodes, n => Assert.Equal(NodeState.Up, n.State));
        var csv = Assert.Single(findings, f => f.Subject == "Cluster Disk 2");
        Assert.Equal(CheckIds.DiskState, csv.CheckId);
        Assert.Contains("CSV Cluster Disk 2 is Failed", csv.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.CheckId is CheckIds.QuorumNodeLoss or CheckIds.ClusterUnreadable or CheckIds.NodeState);
    }

    /// <summary>An MBR disk: DiskSignature, DiskIdType 0, empty DiskIdGuid (Physical Disk private properties; MSFT_Disk).</summary>
    [Fact]
    public async Task MbrDisk_MatchedBySignature_VisibleFromEveryNode()
    {
        using var fake = Fake(change: record => FaultFixtures.MbrDisk(record, "Cluster Disk 4", 0x1A2B3C4D));

        var snapshot = await Gateway(fake).GetSnapshotAsync(CancellationToken.None);

        Assert.Empty(snapshot.Unreachable);
        Assert.All(snapshot.Nodes, n => Assert.Contains("Cluster Disk 4", n.Inventory!.VisibleDisks));
        Assert.DoesNotContain(ClusterChecks.RunAll(snapshot).Findings, f => f.CheckId == CheckIds.DiskVisibility);
    }

    /// <summary>
    /// Three nodes and a witness, dynamic quorum, one node down: the witness takes a vote, three live
    /// votes, losing either node leaves two (learn.microsoft.com "Understand cluster and pool quorum").
    /// </summary>
    [Fact]
    public async Task DynamicQuorumOneOfThreeDown_NoQuorumFindingAndKillPreviewedKept()
    {
        using var fake = Fake(change: record =>
        {
            FaultFixtures.KeepNodes(record, 3);
            FaultFixtures.NodeDown(record, Node3);
        });

        var snapshot = await Gateway(fake).GetSnapshotAsync(CancellationToken.None);
        var without = QuorumCalculator.WithoutNodes(snapshot, [Node1]);
        var kill = await Gateway(fake).StopClusterServiceAsync(Node1, allowQuorumLoss: false, Deadline.Far, CancellationToken.None);

        Assert.DoesNotContain(ClusterChecks.RunAll(snapshot).Findings, f => f.CheckId == CheckIds.QuorumNodeLoss);
        Assert.True(without.HasQuorum, without.Explanation);
        Assert.Equal((2, 3), (without.Votes, without.TotalVotes));
        Assert.Equal(ActionStatus.Succeeded, kill.Status);
    }

    /// <summary>A node configured with no vote (NodeWeight 0) and no witness: one node carries the only live vote.</summary>
    [Fact]
    public async Task ZeroVoteNodeNoWitness_TheVoteCarrierIsTheRisk()
    {
        using var fake = Fake(change: record =>
        {
            FaultFixtures.KeepNodes(record, 3);
            record["Quorum"]!["Resource"] = null;
            record["Nodes"]![2]!["NodeWeight"] = 0;
            FaultFixtures.Revote(record);
        });

        var snapshot = await Gateway(fake).GetSnapshotAsync(CancellationToken.None);

        var risk = Assert.Single(ClusterChecks.RunAll(snapshot).Findings, f => f.CheckId == CheckIds.QuorumNodeLoss);
        Assert.Equal(Node1, risk.Subject);
        Assert.Contains($"votes on {Node1}", risk.Evidence, StringComparison.Ordinal);
    }

    public static TheoryData<string> QuorumFixtures =>
        ["three up and a witness", "one of three down and a witness", "two left no witness", "a zero-vote node", "dynamic quorum off", "dynamic quorum off, witness offline"];

    /// <summary>The bot's verdict and the node's own count agree on every fixture: the node never answers "they disagree".</summary>
    [Theory]
    [MemberData(nameof(QuorumFixtures))]
    public async Task QuorumVerdict_BotAndNodeCountTheSame(string fixture)
    {
        using var fake = Fake(change: record =>
        {
            FaultFixtures.KeepNodes(record, 3);
            switch (fixture)
            {
                case "one of three down and a witness":
                    FaultFixtures.NodeDown(record, Node3);
                    break;
                case "two left no witness":
                    record["Quorum"]!["Resource"] = null;
                    FaultFixtures.NodeDown(record, Node3);
                    break;
                case "a zero-vote node":
                    record["Quorum"]!["Resource"] = null;
                    record["Nodes"]![2]!["NodeWeight"] = 0;
                    FaultFixtures.Revote(record);
                    break;
                case "dynamic quorum off":
                    record["Cluster"]!["DynamicQuorum"] = 0;
                    FaultFixtures.NodeDown(record, Node3);
                    break;
                case "dynamic quorum off, witness offline":
                    record["Cluster"]!["DynamicQuorum"] = 0;
                    record["Quorum"]!["Resource"]!["State"] = "Offline";
                    break;
            }
        });
        var snapshot = await Gateway(fake).GetSnapshotAsync(CancellationToken.None);
        using var runner = fake.Runner();

        foreach (var node in snapshot.Nodes.Where(n => n.State == NodeState.Up).Select(n => n.Name))
        {
            var bot = QuorumCalculator.WithoutNodes(snapshot, [node]).HasQuorum ? "Kept" : "Lost";
            var json = await runner.InvokeAsync(node, PowerShellCommands.StopClusterService,
                [new("NodeName", node), new("ExpectedQuorum", bot), new("NotAfter", Deadline.FarText)], TimeSpan.FromSeconds(60), CancellationToken.None);

            Assert.DoesNotContain("disagree", json.GetProperty("summary").GetString(), StringComparison.Ordinal);
            Assert.Equal(bot == "Kept" ? "Succeeded" : "Refused", json.GetProperty("status").GetString());
        }
    }

    /// <summary>A drained node with no VMs answers (no -VMName '*': Get-VMIntegrationService documents no wildcards).</summary>
    [Fact]
    public async Task NodeWithNoVms_AnswersWithAnEmptyHyperV()
    {
        using var fake = Fake(change: record => FaultFixtures.NoVms(record, "HV22-06"));

        var node = (await Gateway(fake).GetSnapshotAsync(CancellationToken.None)).FindNode("HV22-06")!;

        Assert.True(node.IsReachable, node.Failure?.Message);
        Assert.Empty(node.Inventory!.Unread);
        Assert.Empty(node.Inventory.HyperVVms);
    }

    /// <summary>
    /// Terminate refused: Win32_Process.Terminate returns 2 when SeDebugPrivilege cannot be enabled (a
    /// policy took "Debug programs" from the account); the action fails with the reason, nothing killed.
    /// </summary>
    [Fact]
    public async Task TerminateRefused_KillFailsSayingWhy()
    {
        using var fake = Fake(new() { [Node2] = "TerminateDenied" });

        var result = await Gateway(fake).StopClusterServiceAsync(Node2, allowQuorumLoss: false, Deadline.Far, CancellationToken.None);

        Assert.Equal(ActionStatus.Failed, result.Status);
        Assert.Contains("returned 2", result.Summary, StringComparison.Ordinal);
        Assert.Contains("Debug programs", result.Summary, StringComparison.Ordinal);
        Assert.Empty(fake.Calls);
    }

    /// <summary>Localized adapter descriptions: the host's vEthernet adapters are found by ComponentID vms_mp.</summary>
    [Fact]
    public async Task LocalizedAdapterNames_VirtualAdaptersStillFoundByComponentId()
    {
        using var fake = Fake(change: FaultFixtures.LocalizedAdapterNames);

        var nics = (await Gateway(fake).GetSnapshotAsync(CancellationToken.None)).FindNode(Node1)!.Inventory!.Nics;

        Assert.Equal("10.10.0.0/24", nics.Single(n => n.Name == "vEthernet (Management)").Subnet);
    }

    /// <summary>No computer gives the cluster's view: the answer says it cannot read the cluster, never that it is down.</summary>
    [Fact]
    public async Task ViewUnreadableEverywhere_CannotReadNeverDown()
    {
        var everyNode = Enumerable.Range(1, 6).ToDictionary(i => $"HV22-{i:00}", _ => "ClusterServiceStopped");
        using var fake = Fake(everyNode);

        var snapshot = await Gateway(fake).GetSnapshotAsync(CancellationToken.None);
        var finding = Assert.Single(ClusterChecks.RunAll(snapshot).Findings);

        Assert.NotNull(snapshot.ViewFailure);
        Assert.All(snapshot.Nodes, n => Assert.Equal(NodeState.Unknown, n.State));
        Assert.Equal(CheckIds.ClusterUnreadable, finding.CheckId);
        Assert.Contains("I cannot read cluster", finding.Evidence, StringComparison.Ordinal);
    }

    private static FakeCluster Fake(Dictionary<string, string>? faults = null, Action<JsonObject>? change = null) =>
        new(ModernFixture.Record(WindowsVersion.WindowsServer2022), faults, change);

    private static PowerShellClusterGateway Gateway(FakeCluster fake)
    {
        var options = fake.Options();
        foreach (var i in Enumerable.Range(1, 6))
        {
            options.Nodes.Add(new PowerShellNodeOptions { Name = $"HV22-{i:00}", Site = "A" });
        }

        return fake.Gateway(options);
    }
}
