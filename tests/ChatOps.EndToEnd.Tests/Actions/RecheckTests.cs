using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Commands.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests.Actions;

/// <summary>A confirmed preview is planned again just before the action runs; if what it promised changed, nothing runs.</summary>
public sealed class RecheckTests
{
    private const string Rechecked = "Checked again just before running";

    [Fact]
    public async Task KillClussvc_AnotherNodeStoppedSinceThePreview_NotRunAndAFreshPreviewOffered()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("kill clussvc HV04");
        await host.Gateway().StopClusterServiceAsync("HV05", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);

        var result = await host.PressForCardAsync(card);

        Assert.Contains(Rechecked, result.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Nothing was done", result.VisibleText, StringComparison.Ordinal);
        Assert.Equal(NodeState.Up, (await host.Gateway().GetNodeAsync("HV04", CancellationToken.None))!.State);
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
        Assert.NotNull(result.Confirmation);
        Assert.NotEqual(card.Confirmation!.Value.PendingId, result.Confirmation!.Value.PendingId);

        var fresh = await host.PressAsync(result);

        Assert.Contains("Stopped the cluster service on HV04", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillClussvc_FivePreviewsConfirmedInARow_TheCommandLayerRefusesBeforeTheLabIsAsked()
    {
        await using var host = await ActionHost.StartAsync();
        var cards = new List<Fakes.ConnectorCall>();
        foreach (var node in (string[])["HV01", "HV02", "HV04", "HV05", "HV06"])
        {
            cards.Add(await host.AskAsync($"kill clussvc {node}"));
        }

        var results = new List<string>();
        foreach (var card in cards)
        {
            results.Add(await host.PressAsync(card));
        }

        var snapshot = await host.Gateway().GetSnapshotAsync(CancellationToken.None);
        Assert.True(ChatOps.Clusters.Planning.QuorumCalculator.Current(snapshot).HasQuorum, string.Join(" | ", results));
        Assert.Equal(results.Count(r => r.Contains("Stopped the cluster service", StringComparison.Ordinal)), host.Lab().ActionCount(ClusterAction.StopClusterService));
        Assert.All(results.Where(r => !r.Contains("Stopped the cluster service", StringComparison.Ordinal)), r => Assert.Contains(Rechecked, r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task KillVmwp_VmMovedSinceThePreview_NotRun()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("kill vmwp WEB-01");
        var owner = (await host.Gateway().GetVmAsync("WEB-01", CancellationToken.None))!.OwnerNode;
        var elsewhere = host.Lab().Snapshot().Nodes.First(n => n.State == NodeState.Up && n.Name != owner).Name;
        host.Lab().MoveVm("WEB-01", elsewhere);

        var result = await host.PressForCardAsync(card);

        Assert.Contains(Rechecked, result.VisibleText, StringComparison.Ordinal);
        Assert.Contains($"WEB-01 runs on {owner}", result.VisibleText, StringComparison.Ordinal);
        Assert.Contains($"WEB-01 runs on {elsewhere}", result.VisibleText, StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.KillVmWorker));
        Assert.NotNull(result.Confirmation);
    }

    [Fact]
    public async Task RemoveStalelink_VmWithThatGuidNowRegisteredThere_NotRunAndNoButton()
    {
        await using var host = await ActionHost.StartAsync();
        var web03 = (await host.Gateway().GetVmAsync("WEB-03", CancellationToken.None))!;
        var card = await host.AskAsync($"remove stalelink HV05 {web03.Id}");
        Assert.NotNull(card.Confirmation);
        host.Lab().MoveVm("WEB-03", "HV05");

        var result = await host.PressForCardAsync(card);

        Assert.Contains(Rechecked, result.VisibleText, StringComparison.Ordinal);
        Assert.Contains("would crash it", result.VisibleText, StringComparison.Ordinal);
        Assert.Null(result.Confirmation);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.RemoveStaleLink));
        var audit = await host.Services.GetRequiredService<IAuditLog>().LatestAsync(5, CancellationToken.None);
        Assert.Equal(AuditDecision.Refused, audit[0].Decision);
    }
}
