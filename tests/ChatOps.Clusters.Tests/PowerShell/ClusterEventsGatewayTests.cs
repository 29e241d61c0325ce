using System.Text.Json.Nodes;
using ChatOps.Clusters.Events;
using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.Fakes.Fixtures;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>
/// <c>Get-ChatOpsClusterEvents</c> through the JEA endpoint, against the fake Get-WinEvent, which fails as
/// the real one does (see its module): no match is an error, a missing or unreadable log is an error
/// while the others still answer.
/// </summary>
public sealed class ClusterEventsGatewayTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task GetEventsAsync_EventsInTheWindow_NewestFirstKeyedByLogProviderAndId()
    {
        using var fake = new FakeCluster(change: json =>
        {
            FaultFixtures.Events(json, "HV01",
                FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 1135, 1, Now.AddMinutes(-30), "Cluster node 'HV04' was removed from the active failover cluster membership."),
                FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 1069, 2, Now.AddMinutes(-29), "Cluster resource 'Virtual Machine RPT-02' of type 'Virtual Machine' in clustered role 'RPT-02' failed."),
                FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 1201, 4, Now.AddMinutes(-28), "The Cluster service successfully brought the clustered role 'SQL-01' online."),
                FaultFixtures.Event("System", "Microsoft-Windows-Kernel-Power", 41, 1, Now.AddMinutes(-27), "The system has rebooted without cleanly shutting down first."),
                FaultFixtures.Event("Microsoft-Windows-Hyper-V-VMMS-Admin", "Microsoft-Windows-Hyper-V-VMMS", 21024, 2, Now.AddMinutes(-10), "Virtual machine migration operation for 'WEB-03' failed at migration source 'HV01'."),
                FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 1177, 1, Now.AddHours(-5), "The Cluster service is shutting down because quorum was lost."));
        });

        var events = await fake.Gateway().GetEventsAsync("hv01", TimeSpan.FromHours(2), CancellationToken.None);

        var hv01 = Assert.Single(events.Nodes);
        Assert.True(hv01.IsComplete, hv01.Failure?.Message + string.Join("; ", hv01.UnreadLogs.Select(u => $"{u.Key}: {u.Value.Message}")) + string.Join(",", hv01.CappedLogs));
        // Information (1201), another provider in the same log (Kernel-Power 41) and what is older than the window are not read.
        Assert.Equal(
            [("Microsoft-Windows-Hyper-V-VMMS-Admin", "Microsoft-Windows-Hyper-V-VMMS", 21024, WinEventLevel.Error), ("System", "Microsoft-Windows-FailoverClustering", 1069, WinEventLevel.Error), ("System", "Microsoft-Windows-FailoverClustering", 1135, WinEventLevel.Critical)],
            hv01.Events.Select(e => (e.Log, e.Provider, e.Id, e.Level)));
        Assert.All(hv01.Events, e => Assert.Equal("HV01", e.Node));
        Assert.InRange(hv01.Events[^1].Time, Now.AddMinutes(-31), Now.AddMinutes(-29));
        Assert.False(events.IsPartial);
    }

    [Fact]
    public async Task GetEventsAsync_NodeWithoutTheHyperVLogs_ThoseLogsAreUnreadTheSystemLogIsRead()
    {
        using var fake = new FakeCluster(change: json =>
        {
            FaultFixtures.Events(json, "HV02", FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 5120, 3, Now.AddMinutes(-5), "Cluster Shared Volume 'Volume1' ('CSV1') has entered a paused state because of 'STATUS_IO_TIMEOUT(c00000b5)'."));
            json["Hosts"]!["HV02"]!["EventLogs"] = new JsonArray("System", "Microsoft-Windows-FailoverClustering/Operational");
        });

        var hv02 = Assert.Single((await fake.Gateway().GetEventsAsync("HV02", TimeSpan.FromHours(1), CancellationToken.None)).Nodes);

        Assert.Equal(5120, Assert.Single(hv02.Events).Id);
        Assert.Equal(["Microsoft-Windows-Hyper-V-High-Availability-Admin", "Microsoft-Windows-Hyper-V-VMMS-Admin"], hv02.UnreadLogs.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("There is not an event log on the localhost computer that matches", hv02.UnreadLogs["Microsoft-Windows-Hyper-V-VMMS-Admin"].Message, StringComparison.Ordinal);
        Assert.False(hv02.IsComplete);
    }

    [Fact]
    public async Task GetEventsAsync_NoEventsAnywhere_EveryLogReadAndEmpty_NotAnError()
    {
        using var fake = new FakeCluster();

        var events = await fake.Gateway().GetEventsAsync(null, TimeSpan.FromHours(2), CancellationToken.None);

        Assert.Equal(fake.Lab.Nodes.Select(n => n.Name), events.Nodes.Select(n => n.Node));
        Assert.All(events.Nodes, n => Assert.True(n.IsComplete && n.Events.Count == 0, $"{n.Node}: {n.Failure?.Message} {string.Join("; ", n.UnreadLogs.Select(u => u.Value.Message))}"));
    }

    [Fact]
    public async Task GetEventsAsync_ALogTheAccountCannotOpen_IsUnreadWithWhy_AndANodeThatHangsIsSilent()
    {
        using var fake = new FakeCluster(new Dictionary<string, string> { ["HV04"] = "Hang" }, json =>
        {
            FaultFixtures.Events(json, "HV03", FaultFixtures.Event("Microsoft-Windows-Hyper-V-High-Availability-Admin", "Microsoft-Windows-Hyper-V-High-Availability", 21502, 2, Now.AddMinutes(-3), "Live migration of 'Virtual Machine ERP-05' failed."));
            json["Hosts"]!["HV03"]!["DeniedLogs"] = new JsonArray("System");
        });

        var events = await fake.Gateway(nodeTimeout: TimeSpan.FromSeconds(20)).GetEventsAsync(null, TimeSpan.FromHours(1), CancellationToken.None);

        var hv03 = events.Nodes.Single(n => n.Node == "HV03");
        Assert.Equal(21502, Assert.Single(hv03.Events).Id);
        Assert.Contains("Could not retrieve information about the System log", hv03.UnreadLogs["System"].Message, StringComparison.Ordinal);
        Assert.Equal(NodeFailureKind.Timeout, events.Nodes.Single(n => n.Node == "HV04").Failure?.Kind);
        Assert.True(events.IsPartial);
    }

    [Fact]
    public async Task GetEventsAsync_AWarningStorm_TheNewestUpToTheBound_TheOlderCriticalEventStillRead_AndTheLogSaysItWasCapped()
    {
        var storm = Enumerable.Range(0, EventSources.MaxPerLog + 1)
            .Select(i => FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 5120, 3, Now.AddMilliseconds(-500 * (i + 1)), $"paused {i}"))
            .Append(FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 1135, 1, Now.AddHours(-1), "Cluster node 'HV04' was removed from the active failover cluster membership."))
            .ToArray();
        using var fake = new FakeCluster(change: json => FaultFixtures.Events(json, "HV05", storm));

        var hv05 = Assert.Single((await fake.Gateway().GetEventsAsync("HV05", TimeSpan.FromHours(2), CancellationToken.None)).Nodes);

        Assert.Equal(EventSources.MaxPerLog, hv05.Events.Count(e => e.Id == 5120));
        Assert.Equal("paused 0", hv05.Events[0].Message);
        Assert.Contains(hv05.Events, e => e.Id == 1135);
        Assert.Equal([EventSources.SystemLog], hv05.CappedLogs);
        Assert.False(hv05.IsComplete);
    }

    [Fact]
    public async Task GetEventsAsync_ExactlyTheBound_AllReadAndNotCapped()
    {
        var full = Enumerable.Range(0, EventSources.MaxPerLog)
            .Select(i => FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 5120, 3, Now.AddMilliseconds(-500 * (i + 1)), $"paused {i}"))
            .ToArray();
        using var fake = new FakeCluster(change: json => FaultFixtures.Events(json, "HV05", full));

        var hv05 = Assert.Single((await fake.Gateway().GetEventsAsync("HV05", TimeSpan.FromHours(2), CancellationToken.None)).Nodes);

        Assert.Equal(EventSources.MaxPerLog, hv05.Events.Count);
        Assert.Empty(hv05.CappedLogs);
        Assert.True(hv05.IsComplete);
    }

    [Fact]
    public async Task GetEventsAsync_ARecordWhoseMessageCannotBeFormatted_CostsNothingElse()
    {
        var unformatted = FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 1069, 2, Now.AddMinutes(-5), "ignored");
        unformatted["MessageUnavailable"] = true;
        using var fake = new FakeCluster(change: json => FaultFixtures.Events(json, "HV01",
            unformatted,
            FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 1135, 1, Now.AddMinutes(-6), "Cluster node 'HV04' was removed from the active failover cluster membership.")));

        var hv01 = Assert.Single((await fake.Gateway().GetEventsAsync("HV01", TimeSpan.FromHours(1), CancellationToken.None)).Nodes);

        Assert.True(hv01.IsComplete, string.Join("; ", hv01.UnreadLogs.Select(u => $"{u.Key}: {u.Value.Message}")));
        Assert.Equal([(1069, "Cannot retrieve event message text."), (1135, "Cluster node 'HV04' was removed from the active failover cluster membership.")], hv01.Events.Select(e => (e.Id, e.Message)));
    }

    [Fact]
    public async Task GetEventsAsync_MoreMessageTextThanTheReadKeeps_OlderEventsCountedWithoutTheirText()
    {
        var text = new string('x', 500);
        var kept = EventSources.MaxMessageChars / text.Length;
        var many = Enumerable.Range(0, kept + 100)
            .Select(i => FaultFixtures.Event("System", "Microsoft-Windows-FailoverClustering", 1069, 2, Now.AddMilliseconds(-500 * (i + 1)), text))
            .ToArray();
        using var fake = new FakeCluster(change: json => FaultFixtures.Events(json, "HV05", many));

        var hv05 = Assert.Single((await fake.Gateway().GetEventsAsync("HV05", TimeSpan.FromHours(2), CancellationToken.None)).Nodes);

        Assert.Equal(kept + 100, hv05.Events.Count);
        Assert.Equal(100, hv05.MessagesDropped);
        Assert.All(hv05.Events.Skip(kept), e => Assert.Empty(e.Message));
        Assert.True(hv05.IsComplete);
    }
}
