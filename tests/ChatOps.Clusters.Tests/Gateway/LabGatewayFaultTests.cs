using ChatOps.Clusters.Fakes;
using System.Diagnostics;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Lab;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Clusters.Tests.Gateway;

/// <summary>A node that hangs, is slow, refuses or errors gives a per-node failure; the others still answer.</summary>
public sealed class LabGatewayFaultTests
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(8);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2010, 7, 22, 9, 0, 0, TimeSpan.Zero));
    private readonly ILabCluster _lab;
    private readonly IClusterGateway _gateway;

    public LabGatewayFaultTests()
    {
        _lab = LabClusters.LoadDefault(_time);
        _gateway = LabClusters.CreateGateway(_lab, NodeTimeout);
    }

    [Fact]
    public async Task GetSnapshot_HungNode_TimesOutAtTheNodeTimeoutWhileTheOthersAnswer()
    {
        _lab.InjectFault("HV04", LabFault.Hung);

        var pending = _gateway.GetSnapshotAsync(CancellationToken.None);
        _time.Advance(NodeTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(pending.IsCompleted, "the snapshot must wait for the hung node until its timeout");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var snapshot = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        var hung = Assert.Single(snapshot.Unreachable);
        Assert.Equal("HV04", hung.Name);
        Assert.Equal(NodeFailureKind.Timeout, hung.Failure!.Kind);
        Assert.Equal("HV04 did not answer within 8 s.", hung.Failure.Message);
        Assert.Equal(5, snapshot.Reachable.Count());
        Assert.True(snapshot.IsPartial);
        Assert.Equal(NodeState.Up, hung.State);
    }

    [Fact]
    public async Task GetSnapshot_HungNodeWithShortRealTimeout_AnswersWithinTheTimeout()
    {
        var lab = LabClusters.LoadDefault();
        lab.InjectFault("HV02", LabFault.Hung);
        var gateway = LabClusters.CreateGateway(lab, TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var snapshot = await gateway.GetSnapshotAsync(CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Equal(["HV02"], snapshot.Unreachable.Select(n => n.Name));
        Assert.Equal("HV02 did not answer within 200 ms.", snapshot.FindNode("HV02")!.Failure!.Message);
    }

    [Fact]
    public async Task GetSnapshot_SlowNodeUnderTheTimeout_AnswersAfterItsLatency()
    {
        _lab.InjectFault("HV05", LabFault.Slow(TimeSpan.FromSeconds(3)));

        var pending = _gateway.GetSnapshotAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        var snapshot = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(snapshot.IsPartial);
        Assert.NotNull(snapshot.FindNode("HV05")!.Inventory);
    }

    [Fact]
    public async Task GetSnapshot_SlowNodeOverTheTimeout_TimesOut()
    {
        _lab.InjectFault("HV05", LabFault.Slow(TimeSpan.FromSeconds(30)));

        var pending = _gateway.GetSnapshotAsync(CancellationToken.None);
        _time.Advance(NodeTimeout);
        var snapshot = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(NodeFailureKind.Timeout, snapshot.FindNode("HV05")!.Failure!.Kind);
    }

    [Fact]
    public async Task GetSnapshot_RefusingNode_IsUnreachableAtOnce()
    {
        _lab.InjectFault("HV06", new LabFault(Unreachable: true));

        var snapshot = await _gateway.GetSnapshotAsync(CancellationToken.None);

        var failure = snapshot.FindNode("HV06")!.Failure!;
        Assert.Equal(NodeFailureKind.Unreachable, failure.Kind);
        Assert.Contains("refused", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSnapshot_ErroringNode_CarriesTheNodesErrorMessage()
    {
        _lab.InjectFault("HV01", new LabFault(Error: "Access is denied."));

        var snapshot = await _gateway.GetSnapshotAsync(CancellationToken.None);

        Assert.Equal(new NodeFailure(NodeFailureKind.Error, "Access is denied."), snapshot.FindNode("HV01")!.Failure);
        Assert.Equal(5, snapshot.Reachable.Count());
    }

    [Fact]
    public async Task GetSnapshot_FaultCleared_NodeAnswersAgain()
    {
        _lab.InjectFault("HV01", new LabFault(Unreachable: true));
        _lab.ClearFault("HV01");

        var snapshot = await _gateway.GetSnapshotAsync(CancellationToken.None);

        Assert.False(snapshot.IsPartial);
    }

    [Fact]
    public async Task GetSnapshot_CallerCancels_ThrowsInsteadOfReportingTimeouts()
    {
        _lab.InjectFault("HV04", LabFault.Hung);
        using var cancel = new CancellationTokenSource();

        var pending = _gateway.GetSnapshotAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task GetSnapshot_HungOwner_VmHasNoHyperVViewFromIt()
    {
        _lab.InjectFault("HV01", LabFault.Hung);

        var pending = _gateway.GetSnapshotAsync(CancellationToken.None);
        _time.Advance(NodeTimeout);
        var snapshot = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        var vm = snapshot.FindVm("SQL-01")!;
        Assert.Equal(VmGroupState.Online, vm.GroupState);
        Assert.Null(vm.OwnerHyperVState);
    }

    [Fact]
    public async Task StopClusterService_HungNode_FailsWithTheTimeoutAndChangesNothing()
    {
        _lab.InjectFault("HV02", LabFault.Hung);

        var pending = _gateway.StopClusterServiceAsync("HV02", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);
        _time.Advance(NodeTimeout);
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(ActionStatus.Failed, result.Status);
        Assert.Contains("did not answer within 8 s", result.Summary, StringComparison.Ordinal);
        Assert.Equal(NodeState.Up, _lab.Snapshot().FindNode("HV02")!.State);
    }

    [Fact]
    public async Task KillVmWorker_ReachesTheNodeAfterItsDeadline_RefusedAndChangesNothing()
    {
        // The action takes 5 s to reach HV01 (its instance paused, say); its deadline is 3 s away.
        _lab.InjectFault("HV01", new LabFault(ActionLatency: TimeSpan.FromSeconds(5)));
        var deadline = _time.GetUtcNow().AddSeconds(3);

        var pending = _gateway.KillVmWorkerAsync("SQL-01", deadline, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(ActionStatus.Refused, result.Status);
        Assert.Equal("The deadline for this action (2010-07-22T09:00:03Z) passed before it reached HV01; nothing was changed.", result.Summary);
        Assert.Equal(0, _lab.ActionCount(ClusterAction.KillVmWorker));
        Assert.Equal(VmGroupState.Online, _lab.Snapshot().FindVm("SQL-01")!.GroupState);
    }

    [Fact]
    public async Task KillVmWorker_ReachesTheNodeBeforeItsDeadline_Runs()
    {
        _lab.InjectFault("HV01", new LabFault(ActionLatency: TimeSpan.FromSeconds(2)));

        var pending = _gateway.KillVmWorkerAsync("SQL-01", _time.GetUtcNow().AddSeconds(3), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(ActionStatus.Succeeded, result.Status);
        Assert.Equal(1, _lab.ActionCount(ClusterAction.KillVmWorker));
    }

    [Fact]
    public async Task LoadedFromYaml_NodeWithHangFault_IsReportedUnreachable()
    {
        var yaml = SmallLab.Yaml.Replace("- { name: N2, site: A }", "- { name: N2, site: A, fault: { hang: true } }", StringComparison.Ordinal);
        var gateway = LabClusters.CreateGateway(LabClusters.Parse(yaml), TimeSpan.FromMilliseconds(100));

        var snapshot = await gateway.GetSnapshotAsync(CancellationToken.None);

        Assert.Equal(["N2"], snapshot.Unreachable.Select(n => n.Name));
    }
}
