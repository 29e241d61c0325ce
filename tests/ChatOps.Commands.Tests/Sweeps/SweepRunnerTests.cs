using ChatOps.Clusters.Lab;
using ChatOps.Commands.Schedules;
using ChatOps.Commands.Sweeps;
using ChatOps.Commands.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Commands.Tests.Sweeps;

public sealed class SweepRunnerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
    private readonly MemorySweepHistory _history = new();

    private SweepRunner Runner(ILabCluster lab, TimeSpan? nodeTimeout = null) => new(
        LabClusters.CreateGateway(lab, nodeTimeout),
        _history,
        new OptionsMonitorStub<SweepOptions>(new SweepOptions()),
        _clock,
        NullLogger<SweepRunner>.Instance);

    [Fact]
    public async Task RunAsync_DefaultLab_FindsExactlyTheSeededOutliers()
    {
        using var runner = Runner(LabClusters.LoadDefault());

        var sweep = await runner.RunAsync(CancellationToken.None);

        var outliers = sweep.Rows.Where(r => r.HasOutliers)
            .SelectMany(r => r.Outliers.Select(node => $"{r.Category}: {r.Component} @ {node}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "ASR: Automatic Server Recovery @ HV02",
                "Driver: MPIO @ HV06",
                "Driver: NIC @ HV06",
                "Firmware: BIOS @ HV04",
                "Firmware: HBA @ HV04",
                "Hotfix: KB970529 @ HV02",
            ],
            outliers);
        Assert.False(sweep.Partial);
        Assert.Equal(6, sweep.Nodes.Count);
        Assert.Same(sweep, (await _history.LatestAsync(1, CancellationToken.None))[0]);
    }

    [Fact]
    public async Task Drift_AfterDriverChangeOnOneNode_ShowsExactlyThatChange()
    {
        var lab = LabClusters.LoadDefault();
        using var runner = Runner(lab);
        var before = await runner.RunAsync(CancellationToken.None);
        var nicBefore = before.Rows.Single(r => r.Component == "NIC" && r.Category == "Driver").Values["HV03"];

        lab.SetDriver("HV03", "NIC", "5.2.99.0");
        _clock.Advance(TimeSpan.FromDays(1));
        var after = await runner.RunAsync(CancellationToken.None);

        var changes = Drift.Between(before, after);
        var component = Assert.Single(changes, c => c.Kind is DriftKinds.Changed or DriftKinds.Added or DriftKinds.Removed);
        Assert.Equal("HV03", component.Node);
        Assert.Equal($"Driver: NIC {nicBefore} → {nicBefore[..nicBefore.LastIndexOf(' ')]} 5.2.99.0", component.What);
        Assert.All(changes.Where(c => c != component), c => Assert.Equal(DriftKinds.FindingNew, c.Kind));
        Assert.Contains(changes, c => c.Kind == DriftKinds.FindingNew && c.Node == "HV03");
    }

    [Fact]
    public async Task RunAsync_HungNode_PartialNotHung()
    {
        var lab = LabClusters.LoadDefault();
        lab.InjectFault("HV05", LabFault.Hung);
        using var runner = Runner(lab, TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var sweep = await runner.RunAsync(CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the sweep took {clock.Elapsed}");
        Assert.True(sweep.Partial);
        var hv05 = Assert.Single(sweep.Nodes, n => !n.Reachable);
        Assert.Equal("HV05", hv05.Node);
        Assert.DoesNotContain("HV05", sweep.Rows.SelectMany(r => r.Values.Keys));
    }

    [Fact]
    public async Task Matrix_DefaultLab_HighlightsOutliersAndLinksTheFullPage()
    {
        using var runner = Runner(LabClusters.LoadDefault());
        var sweep = await runner.RunAsync(CancellationToken.None);

        var reply = SweepReplies.Matrix(sweep, new Replies.Links(Options.Create(new Replies.LinkOptions())));

        var table = Assert.Single(reply.Blocks.OfType<Replies.TableBlock>());
        Assert.Equal(6, table.Rows.Count);
        Assert.Equal(["Component", "Majority", "HV01", "HV02", "HV03", "HV04", "HV05", "HV06"], table.Columns);
        var asr = table.Rows.Single(r => r[0].Text.StartsWith("ASR", StringComparison.Ordinal));
        Assert.Equal(["ASR: Automatic Server Recovery", "disabled", "✓", "enabled", "✓", "✓", "✓", "✓"], asr.Select(c => c.Text));
        Assert.Equal(Replies.CellStatus.Attention, asr[3].Status);
        var links = reply.Blocks.OfType<Replies.LinksBlock>().Single().Links;
        Assert.Contains(links, l => l.Url == $"http://localhost:3978/sweeps/{sweep.Id}");
        Assert.Contains(links, l => l.KbId == "driver-parity-across-nodes");
    }

    [Fact]
    public async Task PruneTask_DropsSweepsOlderThanKeepDays()
    {
        using var runner = Runner(LabClusters.LoadDefault());
        await runner.RunAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(91));
        await runner.RunAsync(CancellationToken.None);
        var prune = new PruneTask(_history, new OptionsMonitorStub<SweepOptions>(new SweepOptions()), _clock, NullLogger<PruneTask>.Instance);

        await prune.RunAsync(new ScheduledFire(ScheduledJobs.Prune, _clock.GetUtcNow()), CancellationToken.None);

        Assert.Single(await _history.LatestAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_TwoSweepsInOneSecond_IdsCarry128RandomBits()
    {
        using var runner = Runner(LabClusters.LoadDefault());

        var first = await runner.RunAsync(CancellationToken.None);
        var second = await runner.RunAsync(CancellationToken.None);

        foreach (var id in (string[])[first.Id, second.Id])
        {
            Assert.Matches("^[0-9]{8}T[0-9]{6}-[0-9a-f]{32}$", id);
        }

        Assert.NotEqual(first.Id, second.Id);
    }
}
