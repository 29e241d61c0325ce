using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;

namespace ChatOps.Clusters.Tests.Lab;

/// <summary>
/// The lab models the partial failures the PowerShell backend meets (FaultMatrixTests): a node's
/// cluster service stopped while its Hyper-V answers, VMMS stopped, dynamic and zero votes; so chat,
/// terminal and end-to-end tests see what a real cluster would show.
/// </summary>
public sealed class PartialFailureTests
{
    private const string Yaml = """
        name: PART
        seed: 1
        hostReserveMb: 4096
        sites:
          - name: A
            nics:
              - { name: MGMT, role: Management, subnet: 10.9.0.0/24 }
        quorum: { type: NodeAndFileShareMajority, witness: FileShare, location: '\\fs01\witness', dynamic: true }
        nodeDefaults: { memoryMb: 65536 }
        nodes:
          - { name: N1, site: A }
          - { name: N2, site: A }
          - { name: N3, site: A }
        vms:
          - { name: WEB-1, owner: N1, memoryMb: 4096, priority: Medium, addresses: [10.9.10.1] }
          - { name: APP-2, owner: N2, memoryMb: 4096, priority: Medium, addresses: [10.9.10.2] }
        """;

    [Fact]
    public async Task ClusterServiceStopped_NodeDownButAnswering_VmOnTwoNodesAndIsolationFound()
    {
        var lab = Lab(
            ("- { name: N3, site: A }", "- { name: N3, site: A, fault: { clusterServiceStopped: true } }"),
            ("addresses: [10.9.10.1] }", "addresses: [10.9.10.1], hyperV: { N1: Running, N3: Running } }"));

        var snapshot = await LabClusters.CreateGateway(lab).GetSnapshotAsync(CancellationToken.None);
        var findings = ClusterChecks.RunAll(snapshot).Findings;

        var n3 = snapshot.FindNode("N3")!;
        Assert.Equal(NodeState.Down, n3.State);
        Assert.True(n3.IsReachable);
        Assert.False(n3.Inventory!.Knows(InventoryPart.Disks));
        Assert.Contains(findings, f => f.CheckId == CheckIds.VmStateDesync && f.Evidence.Contains("runs on 2 nodes at once (N1, N3)", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.CheckId == CheckIds.NodeState && f.Subject == "N3" && f.Evidence.Contains("answers probes", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.CheckId == CheckIds.QuorumNodeLoss);
    }

    [Fact]
    public async Task VmmsStopped_HyperVUnknownAndTheActionsThatNeedItRefused()
    {
        var lab = Lab(("- { name: N2, site: A }", "- { name: N2, site: A, fault: { vmmsStopped: true }, staleLinks: [vm:WEB-1] }"));
        var gateway = LabClusters.CreateGateway(lab);

        var snapshot = await gateway.GetSnapshotAsync(CancellationToken.None);
        var remove = await gateway.RemoveStaleLinkAsync("N2", snapshot.FindVm("WEB-1")!.Id, Deadline.Far, CancellationToken.None);
        var kill = await gateway.KillVmWorkerAsync("APP-2", Deadline.Far, CancellationToken.None);

        Assert.False(snapshot.FindNode("N2")!.Inventory!.Knows(InventoryPart.HyperV));
        Assert.DoesNotContain(ClusterChecks.RunAll(snapshot).Findings, f => f.CheckId == CheckIds.StaleConfigLinks);
        Assert.Equal(ActionStatus.Refused, remove.Status);
        Assert.Equal(ActionStatus.Refused, kill.Status);
        Assert.Contains(snapshot.FindVm("WEB-1")!.Id, (await gateway.GetNodeAsync("N2", CancellationToken.None))!.Inventory!.ConfigLinks);
    }

    [Fact]
    public void FailoverPlan_NodeWithVmmsStopped_NeverATarget()
    {
        // N2 has the room but no VMMS; N3 answers but is too small for WEB-1.
        var lab = Lab(
            ("- { name: N2, site: A }", "- { name: N2, site: A, fault: { vmmsStopped: true } }"),
            ("- { name: N3, site: A }", "- { name: N3, site: A, memoryMb: 6144 }"));

        var plan = FailoverPlanner.Plan(lab.Snapshot(), ["N1"]);

        Assert.Empty(plan.Placements);
        Assert.Equal("WEB-1", Assert.Single(plan.StaysDown).Vm);
    }

    [Fact]
    public async Task ZeroVoteNode_DynamicQuorumNoWitness_OnlyTheVoteCarrierIsARisk()
    {
        var lab = Lab(
            ("quorum: { type: NodeAndFileShareMajority, witness: FileShare, location: '\\\\fs01\\witness', dynamic: true }", "quorum: { type: NodeMajority, witness: None, dynamic: true }"),
            ("- { name: N3, site: A }", "- { name: N3, site: A, vote: 0 }"));

        var snapshot = await LabClusters.CreateGateway(lab).GetSnapshotAsync(CancellationToken.None);

        var risk = Assert.Single(ClusterChecks.RunAll(snapshot).Findings, f => f.CheckId == CheckIds.QuorumNodeLoss);
        Assert.Equal("N1", risk.Subject);
        Assert.True(QuorumCalculator.WithoutNodes(snapshot, ["N3"]).HasQuorum);
    }

    [Fact]
    public async Task KillClussvc_TheKilledNodeStillAnswersWithItsDisksUnread()
    {
        var gateway = LabClusters.CreateGateway(Lab());

        var result = await gateway.StopClusterServiceAsync("N2", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);
        var n2 = (await gateway.GetNodeAsync("N2", CancellationToken.None))!;

        Assert.Equal(ActionStatus.Succeeded, result.Status);
        Assert.Equal(NodeState.Down, n2.State);
        Assert.True(n2.IsReachable);
        Assert.False(n2.Inventory!.Knows(InventoryPart.Disks));
    }

    private static ILabCluster Lab(params (string From, string To)[] changes) =>
        LabClusters.Parse(changes.Aggregate(Yaml, (yaml, c) => yaml.Replace(c.From, c.To, StringComparison.Ordinal)));
}
