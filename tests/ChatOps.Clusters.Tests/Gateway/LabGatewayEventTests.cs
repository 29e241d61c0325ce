using ChatOps.Clusters.Events;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Lab;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Clusters.Tests.Gateway;

/// <summary>The lab's event logs: what its seeded failures and its actions write, read as the node module reads them.</summary>
public sealed class LabGatewayEventTests
{
    private static readonly DateTimeOffset Start = new(2010, 7, 22, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public async Task DefaultLab_HV05sStaleLinks_HaveLogged4096TwiceEach_NewestFirst()
    {
        var lab = LabClusters.LoadDefault(_time);

        var events = await LabClusters.CreateGateway(lab).GetEventsAsync(null, TimeSpan.FromHours(2), CancellationToken.None);

        Assert.False(events.IsPartial);
        Assert.Equal(Start - TimeSpan.FromHours(2), events.Since);
        var hv05 = events.Nodes.Single(n => n.Node == "HV05");
        Assert.Equal(4, hv05.Events.Count);
        Assert.All(hv05.Events, e => Assert.Equal((EventSources.VmmsLog, EventSources.VmmsProvider, 4096, WinEventLevel.Error), (e.Log, e.Provider, e.Id, e.Level)));
        Assert.Equal(hv05.Events.OrderByDescending(e => e.Time), hv05.Events);
        Assert.Equal(Start - TimeSpan.FromMinutes(35), hv05.Events[0].Time);
        Assert.All(events.Nodes.Where(n => n.Node != "HV05"), n => Assert.Empty(n.Events));
    }

    [Fact]
    public async Task DefaultLab_AWindowShorterThanTheEchoes_ReadsNone()
    {
        var lab = LabClusters.LoadDefault(_time);

        var events = await LabClusters.CreateGateway(lab).GetEventsAsync("HV05", TimeSpan.FromMinutes(30), CancellationToken.None);

        Assert.Empty(Assert.Single(events.Nodes).Events);
    }

    [Fact]
    public async Task KillingAClusterService_EverySurvivorLogs1135_AndTheRoleThatCannotRestartLogs1069And1205()
    {
        var lab = SmallLab.Load();
        var gateway = LabClusters.CreateGateway(lab);

        await gateway.StopClusterServiceAsync("N1", allowQuorumLoss: true, DateTimeOffset.MaxValue, CancellationToken.None);
        var events = await gateway.GetEventsAsync(null, TimeSpan.FromMinutes(5), CancellationToken.None);

        var n2 = events.Nodes.Single(n => n.Node == "N2");
        Assert.Contains(n2.Events, e => e.Id == 1135 && e.Level == WinEventLevel.Critical && e.Message.StartsWith("Cluster node 'N1' was removed", StringComparison.Ordinal));
        // Only one of N1's three 8 GB VMs fits N2: the other two roles fail and stay failed.
        Assert.Equal(2, n2.Events.Count(e => e.Id == 1205));
        Assert.Equal(2, n2.Events.Count(e => e.Id == 1069));
        Assert.Contains(n2.Events, e => e.Id == 1069 && e.Message == "Cluster resource 'Virtual Machine LOW-1' of type 'Virtual Machine' in clustered role 'LOW-1' failed.");
        // N1's links of the VMs that left stay behind, and its VMMS says it cannot reach their configurations.
        Assert.Contains(events.Nodes.Single(n => n.Node == "N1").Events, e => e.Id == 4096);
    }

    [Fact]
    public async Task ALogTheNodeCannotRead_IsUnreadWithWhy_TheOtherLogsAnswer()
    {
        var lab = LabClusters.LoadDefault(_time);
        lab.InjectFault("HV05", new LabFault(UnreadableLog: EventSources.SystemLog));

        var hv05 = Assert.Single((await LabClusters.CreateGateway(lab).GetEventsAsync("hv05", TimeSpan.FromHours(2), CancellationToken.None)).Nodes);

        Assert.Equal([EventSources.SystemLog], hv05.UnreadLogs.Keys);
        Assert.Equal(4, hv05.Events.Count);
        Assert.False(hv05.IsComplete);
    }

    [Theory]
    [InlineData(EventSources.MaxPerLog, false)]
    [InlineData(EventSources.MaxPerLog + 1, true)]
    public async Task AWarningStorm_TheNewestUpToTheBound_TheLogSaysWhenItHeldMore_AndAnOlderCriticalEventIsStillRead(int warnings, bool capped)
    {
        var lab = LabClusters.LoadDefault(_time);
        lab.WriteEvent(new ClusterEvent("HV01", EventSources.SystemLog, EventSources.FailoverClusteringProvider, 1135, WinEventLevel.Critical, Start.AddMinutes(-50), "Cluster node 'HV04' was removed from the active failover cluster membership."));
        lab.WriteEvent(new ClusterEvent("HV01", EventSources.SystemLog, "Microsoft-Windows-Kernel-Power", 41, WinEventLevel.Critical, Start.AddMinutes(-40), "Not read: another provider in System."));
        lab.WriteEvent(new ClusterEvent("HV01", EventSources.SystemLog, EventSources.FailoverClusteringProvider, 1201, WinEventLevel.Information, Start.AddMinutes(-30), "Not read: Information."));
        for (var i = 0; i < warnings; i++)
        {
            lab.WriteEvent(new ClusterEvent("HV01", EventSources.SystemLog, EventSources.FailoverClusteringProvider, 5120, WinEventLevel.Warning, Start.AddMilliseconds(-100 * i), $"paused {i}"));
        }

        var hv01 = Assert.Single((await LabClusters.CreateGateway(lab).GetEventsAsync("HV01", TimeSpan.FromHours(1), CancellationToken.None)).Nodes);

        Assert.Equal(EventSources.MaxPerLog, hv01.Events.Count(e => e.Id == 5120));
        Assert.Equal("paused 0", hv01.Events[0].Message);
        Assert.Equal([1135], hv01.Events.Where(e => e.Id != 5120).Select(e => e.Id));
        Assert.Equal(capped, hv01.CappedLogs.Count == 1);
        Assert.Equal(!capped, hv01.IsComplete);
    }

    [Fact]
    public async Task AHungNode_IsSilentWithItsTimeout_TheOthersAnswer()
    {
        var lab = LabClusters.LoadDefault();
        lab.InjectFault("HV02", LabFault.Hung);

        var events = await LabClusters.CreateGateway(lab, TimeSpan.FromMilliseconds(200)).GetEventsAsync(null, TimeSpan.FromHours(2), CancellationToken.None);

        Assert.Equal(NodeFailureKind.Timeout, events.Nodes.Single(n => n.Node == "HV02").Failure?.Kind);
        Assert.Equal(5, events.Nodes.Count(n => n.Failure is null));
        Assert.True(events.IsPartial);
    }

    [Theory]
    [InlineData("{ node: NOPE, log: System, provider: Microsoft-Windows-FailoverClustering, id: 1135, level: Critical, minutesAgo: 5, message: x }", "unknown node 'NOPE'")]
    [InlineData("{ node: N1, log: Application, provider: Microsoft-Windows-FailoverClustering, id: 1135, level: Critical, minutesAgo: 5, message: x }", "not a log the bot reads")]
    [InlineData("{ node: N1, log: System, provider: Microsoft-Windows-FailoverClustering, id: 1135, level: Fatal, minutesAgo: 5, message: x }", "level 'Fatal'")]
    [InlineData("{ node: N1, log: System, provider: Microsoft-Windows-FailoverClustering, id: 1135, level: Critical, minutesAgo: 5, message: '' }", "needs a provider, a message")]
    public void ALabFile_WithABadEvent_SaysWhichAndWhy(string yamlEvent, string said)
    {
        var error = Assert.Throws<LabDefinitionException>(() => LabClusters.Parse(SmallLab.Yaml + "\nevents:\n  - " + yamlEvent));

        Assert.Contains(said, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALabFile_SeedsEventsDatedBackFromTheStart()
    {
        var lab = LabClusters.Parse(SmallLab.Yaml + "\nevents:\n  - { node: n2, log: System, provider: Microsoft-Windows-FailoverClustering, id: 5120, level: Warning, minutesAgo: 12, message: \"Cluster Shared Volume 'Volume1' ('CSV1') has entered a paused state because of 'STATUS_IO_TIMEOUT(c00000b5)'.\" }", _time);

        var n2 = (await LabClusters.CreateGateway(lab).GetEventsAsync("N2", TimeSpan.FromHours(1), CancellationToken.None)).Nodes.Single();

        var paused = Assert.Single(n2.Events);
        Assert.Equal(("N2", 5120, WinEventLevel.Warning, Start - TimeSpan.FromMinutes(12)), (paused.Node, paused.Id, paused.Level, paused.Time));
    }

    [Fact]
    public async Task MessagesPastTheReadsTextBound_CountedWithoutTheirText_NewestKeepTheirs()
    {
        var lab = LabClusters.LoadDefault(_time);
        var text = new string('x', 500);
        var kept = EventSources.MaxMessageChars / text.Length;
        for (var i = 0; i < kept + 100; i++)
        {
            lab.WriteEvent(new ClusterEvent("HV01", EventSources.SystemLog, EventSources.FailoverClusteringProvider, 1069, WinEventLevel.Error, Start.AddMilliseconds(-100 * i), text));
        }

        var hv01 = Assert.Single((await LabClusters.CreateGateway(lab).GetEventsAsync("HV01", TimeSpan.FromHours(1), CancellationToken.None)).Nodes);

        Assert.Equal(kept + 100, hv01.Events.Count);
        Assert.Equal(100, hv01.MessagesDropped);
        Assert.All(hv01.Events.Take(kept), e => Assert.Equal(text, e.Message));
        Assert.All(hv01.Events.Skip(kept), e => Assert.Empty(e.Message));
        Assert.True(hv01.IsComplete);
    }
}
