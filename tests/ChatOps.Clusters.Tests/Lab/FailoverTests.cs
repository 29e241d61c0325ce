using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Tests.Lab;

/// <summary>What the lab does when a node's cluster service is killed or a VM's worker process dies.</summary>
public sealed class FailoverTests
{
    private readonly ILabCluster _lab = LabClusters.LoadDefault();

    private IClusterGateway Gateway => LabClusters.CreateGateway(_lab);

    [Fact]
    public async Task StopClusterService_Hv01_NodeGoesDownAndItsVmsRunElsewhere()
    {
        var result = await Gateway.StopClusterServiceAsync("hv01", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);
        var after = _lab.Snapshot();

        Assert.Equal(ActionStatus.Succeeded, result.Status);
        Assert.Equal(NodeState.Down, after.FindNode("HV01")!.State);
        var online = after.Vms.Where(v => v.GroupState == VmGroupState.Online && v.HostStates.Any(h => h.Node == "HV01")).ToList();
        Assert.Empty(online);
        Assert.Equal(VmGroupState.Online, after.FindVm("DC-01")!.GroupState);
        Assert.NotEqual("HV01", after.FindVm("DC-01")!.OwnerNode);
        Assert.Equal(HyperVState.Running, after.FindVm("DC-01")!.OwnerHyperVState);
    }

    [Fact]
    public async Task StopClusterService_Hv01_VmsLandOnlyOnUpNodesWithMemoryLeft()
    {
        var before = _lab.Snapshot();

        await Gateway.StopClusterServiceAsync("HV01", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);
        var after = _lab.Snapshot();

        var moved = before.VmsOwnedBy("HV01").Select(v => after.FindVm(v.Name)!).Where(v => v.GroupState == VmGroupState.Online).ToList();
        Assert.NotEmpty(moved);
        Assert.All(moved, v => Assert.Equal(NodeState.Up, after.FindNode(v.OwnerNode!)!.State));
        Assert.DoesNotContain(moved, v => v.OwnerNode == "HV03");
        Assert.All(after.Nodes, n => Assert.True(n.Inventory!.MemoryFreeMb >= 0, $"{n.Name} over-committed: {n.Inventory.MemoryFreeMb} MB free"));
    }

    [Fact]
    public async Task StopClusterService_Hv01_VmTooBigForAnyNodeStaysFailed()
    {
        var result = await Gateway.StopClusterServiceAsync("HV01", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);
        var sql = _lab.Snapshot().FindVm("SQL-01")!;

        Assert.Equal(VmGroupState.Failed, sql.GroupState);
        Assert.Empty(sql.HostStates);
        Assert.Contains(result.Outcomes, o => o.Text.StartsWith("SQL-01 stays Failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopClusterService_Hv01_NoAutoStartVmIsLeftOff()
    {
        await Gateway.StopClusterServiceAsync("HV01", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);

        var test = _lab.Snapshot().FindVm("TEST-01")!;
        Assert.Equal(VmGroupState.Offline, test.GroupState);
        Assert.Empty(test.HostStates);
    }

    [Fact]
    public async Task StopClusterService_NotEnoughMemory_HighPriorityRestartsAndTheRestStayFailed()
    {
        var lab = SmallLab.Load();

        // Two nodes and no witness: losing N1 loses quorum, so this is the forced kill.
        await LabClusters.CreateGateway(lab).StopClusterServiceAsync("N1", allowQuorumLoss: true, Deadline.Far, CancellationToken.None);
        var after = lab.Snapshot();

        Assert.Equal(("N2", VmGroupState.Online), (after.FindVm("HIGH-1")!.OwnerNode, after.FindVm("HIGH-1")!.GroupState));
        Assert.Equal(VmGroupState.Failed, after.FindVm("LOW-1")!.GroupState);
        Assert.Equal(VmGroupState.Failed, after.FindVm("LEGACY-1")!.GroupState);
    }

    [Fact]
    public async Task StopClusterService_OldIntegrationServices_VmComesBackWithApipaAddress()
    {
        Assert.Equal(["10.1.10.23"], _lab.Snapshot().FindVm("ERP-05")!.Nics.SelectMany(n => n.Addresses));

        await Gateway.StopClusterServiceAsync("HV01", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);
        var after = _lab.Snapshot();

        var erp = after.FindVm("ERP-05")!;
        Assert.Equal(VmGroupState.Online, erp.GroupState);
        Assert.StartsWith("169.254.", Assert.Single(erp.Nics.SelectMany(n => n.Addresses)), StringComparison.Ordinal);
        Assert.Equal(["10.1.10.25"], after.FindVm("DC-01")!.Nics.SelectMany(n => n.Addresses));
        Assert.Contains(ClusterChecks.RunAll(after).Findings, f => f.CheckId == CheckIds.ApipaDuplicateIp && f.Subject == "ERP-05");
    }

    [Fact]
    public async Task StopClusterService_LegacyNicVmLeftDown_KeepsAnsweringPing()
    {
        var lab = SmallLab.Load();
        Assert.True(lab.Snapshot().FindVm("LEGACY-1")!.RespondsToPing);

        // Two nodes and no witness: losing N1 loses quorum, so this is the forced kill.
        await LabClusters.CreateGateway(lab).StopClusterServiceAsync("N1", allowQuorumLoss: true, Deadline.Far, CancellationToken.None);
        var after = lab.Snapshot();

        Assert.True(after.FindVm("LEGACY-1")!.RespondsToPing);
        Assert.Empty(after.FindVm("LEGACY-1")!.HostStates);
        Assert.False(after.FindVm("LOW-1")!.RespondsToPing);
    }

    [Fact]
    public async Task StopClusterService_UnplannedFailover_LeavesConfigLinksBehindOnTheOldNode()
    {
        await Gateway.StopClusterServiceAsync("HV01", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);

        var findings = ClusterChecks.RunAll(_lab.Snapshot()).Findings;
        Assert.Contains(findings, f => f.CheckId == CheckIds.StaleConfigLinks && f.Subject == "HV01");
    }

    [Fact]
    public async Task StopClusterService_NodeAlreadyDown_IsRefusedAndStillCounted()
    {
        await Gateway.StopClusterServiceAsync("HV01", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);

        var second = await Gateway.StopClusterServiceAsync("HV01", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);

        Assert.Equal(ActionStatus.Refused, second.Status);
        Assert.Contains("already Down", second.Summary, StringComparison.Ordinal);
        Assert.Equal(2, _lab.ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task StopClusterService_UnknownNode_FailsWithoutTouchingTheLab()
    {
        var result = await Gateway.StopClusterServiceAsync("HV99", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);

        Assert.Equal(ActionStatus.Failed, result.Status);
        Assert.Contains("no node named 'HV99'", result.Summary, StringComparison.Ordinal);
        Assert.Equal(0, _lab.ActionCount(ClusterAction.StopClusterService));
        Assert.All(_lab.Snapshot().Nodes.Where(n => n.Name != "HV03"), n => Assert.Equal(NodeState.Up, n.State));
    }

    [Fact]
    public async Task KillVmWorker_DesyncedVm_RestartsElsewhereAndTheDesyncClears()
    {
        var result = await Gateway.KillVmWorkerAsync("APP-07", Deadline.Far, CancellationToken.None);
        var after = _lab.Snapshot();

        var vm = after.FindVm("APP-07")!;
        Assert.Equal(ActionStatus.Succeeded, result.Status);
        Assert.NotEqual("HV01", vm.OwnerNode);
        Assert.Equal(HyperVState.Running, vm.OwnerHyperVState);
        Assert.DoesNotContain(ClusterChecks.RunAll(after).Findings, f => f.CheckId == CheckIds.VmStateDesync && f.Subject == "APP-07");
    }

    [Fact]
    public async Task RemoveStaleLink_LinkOfAVmRunningThere_IsRefusedAndKept()
    {
        var web01 = _lab.Snapshot().FindVm("WEB-01")!;

        var result = await Gateway.RemoveStaleLinkAsync("HV02", web01.Id, Deadline.Far, CancellationToken.None);

        Assert.Equal(ActionStatus.Refused, result.Status);
        Assert.Contains(web01.Id, _lab.Snapshot().FindNode("HV02")!.Inventory!.ConfigLinks);
    }

    [Fact]
    public async Task RemoveStaleLink_StaleLinksOnHv05_RemovingBothClearsTheFinding()
    {
        var links = ClusterChecks.Find(CheckIds.StaleConfigLinks)!;
        var web03 = _lab.Snapshot().FindVm("WEB-03")!.Id;

        await Gateway.RemoveStaleLinkAsync("HV05", web03, Deadline.Far, CancellationToken.None);
        await Gateway.RemoveStaleLinkAsync("HV05", new Guid("0d4c6a9e-3f51-4b7a-9c1e-5a2b7e8f9d10"), Deadline.Far, CancellationToken.None);

        Assert.DoesNotContain(links.Run(_lab.Snapshot()), f => f.Subject == "HV05");
    }

    [Fact]
    public async Task FlushDns_Hv05_ClearsTheStaleEntry()
    {
        var result = await Gateway.FlushDnsAsync("HV05", Deadline.Far, CancellationToken.None);

        Assert.Contains("WEB-03.contoso.local", Assert.Single(result.Outcomes).Text, StringComparison.Ordinal);
        Assert.Empty(_lab.Snapshot().FindNode("HV05")!.Inventory!.StaleDnsEntries);
    }

    [Fact]
    public async Task StopClusterService_OneAfterAnother_TheKillThatWouldLoseQuorumRefusedByTheLab()
    {
        foreach (var node in (string[])["HV01", "HV02", "HV04"])
        {
            Assert.Equal(ActionStatus.Succeeded, (await Gateway.StopClusterServiceAsync(node, allowQuorumLoss: false, Deadline.Far, CancellationToken.None)).Status);
        }

        var refused = await Gateway.StopClusterServiceAsync("HV05", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);
        var forced = await Gateway.StopClusterServiceAsync("HV06", allowQuorumLoss: true, Deadline.Far, CancellationToken.None);

        Assert.Equal(ActionStatus.Refused, refused.Status);
        Assert.Contains("would lose quorum", refused.Summary, StringComparison.Ordinal);
        Assert.Equal(NodeState.Up, (await Gateway.GetSnapshotAsync(CancellationToken.None)).FindNode("HV05")!.State);
        Assert.Equal(ActionStatus.Succeeded, forced.Status);
    }
}
