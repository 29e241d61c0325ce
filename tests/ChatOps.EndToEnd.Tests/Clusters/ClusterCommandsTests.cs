using System.Diagnostics;
using ChatOps.Clusters.Lab;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests.Clusters;

/// <summary>The cluster commands through the real host, as Teams sends them.</summary>
public sealed class ClusterCommandsTests
{
    [Fact]
    public async Task Cluster_FromTeams_ShowsSixNodesAndOnePaused()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await host.AskAsync("cluster");

        Assert.Contains("Cluster HVC01", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("6: 5 Up, 1 Paused", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vm_DesyncedVm_ShowsBothStatesAndLinksTheRunbook()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await host.AskAsync("vm app-07");

        Assert.Contains("VM APP-07", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("the cluster says Online on HV01 but Hyper-V there says Saved", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("http://localhost:3978/kb/vm-state-desync", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vm_UnknownName_SuggestsNames()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await host.AskAsync("vm nosuchvm");

        Assert.Contains("There is no VM `nosuchvm`", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("`APP-01`", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_DefaultLab_ListsFindingsWithRunbookLinks()
    {
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?> { ["ChatOps:Links:PublicUrl"] = "https://chatops.contoso.com/" });

        var reply = await host.AskAsync("diagnose");

        Assert.Contains("Diagnose HVC01", reply.VisibleText, StringComparison.Ordinal);
        foreach (var kb in new[] { "vm-state-desync", "stale-vm-config-links-4096", "volume-guid-change-kb970529", "failover-capacity-reserve", "hp-asr-false-reboot" })
        {
            Assert.Contains($"https://chatops.contoso.com/kb/{kb}", reply.VisibleText, StringComparison.Ordinal);
        }

        Assert.True(reply.Activity.ToJsonString().Length < 40 * 1024, "Teams refuses messages over 40 KB");
    }

    [Fact]
    public async Task Diagnose_HungNode_AnswersWithinTheTimeoutPlusTwoSecondsNamingTheNode()
    {
        var timeout = TimeSpan.FromSeconds(1);
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?> { ["ChatOps:Cluster:NodeTimeout"] = "00:00:01" });
        host.Services.GetRequiredService<ILabCluster>().InjectFault("HV04", LabFault.Hung);
        var clock = Stopwatch.StartNew();

        var reply = await host.AskAsync("diagnose");

        Assert.True(clock.Elapsed < timeout + TimeSpan.FromSeconds(2), $"answered after {clock.Elapsed}");
        Assert.Contains("Diagnose HVC01 (partial)", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("HV04 did not answer within 1 s.", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_SlowerThanTheWorkingDelay_PostsWorkingThenUpdatesThatMessage()
    {
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?> { ["ChatOps:Bot:WorkingReplyAfter"] = "00:00:00.2" });
        host.Services.GetRequiredService<ILabCluster>().InjectFault("HV02", LabFault.Slow(TimeSpan.FromSeconds(1.5)));

        var working = await host.AskAsync("diagnose");
        var result = await host.Connector.NextAsync();

        Assert.Equal("send", working.Kind);
        Assert.Contains("Working on `diagnose`…", working.VisibleText, StringComparison.Ordinal);
        Assert.Equal("update", result.Kind);
        Assert.Equal("sent-1", result.Activity["id"]!.GetValue<string>());
        Assert.Contains("Diagnose HVC01", result.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("partial", result.VisibleText, StringComparison.Ordinal);
    }
}
