using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.Fakes.Fixtures;
using ChatOps.Clusters.PowerShell.Sessions;
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

    private static Task<ChatOpsHost> StartAsync(FakeCluster fake) => ChatOpsHost.StartAsync(
        new Dictionary<string, string?>
        {
            ["ChatOps:Cluster:Backend"] = "PowerShell",
            ["ChatOps:PowerShell:ClusterName"] = fake.Name,
            ["ChatOps:Cluster:NodeTimeout"] = "00:00:30",
            ["ChatOps:Bot:WorkingReplyAfter"] = "00:00:14",
        },
        services => services.AddSingleton<IRunspacePoolFactory>(new JeaRunspacePoolFactory(fake)));
}
