using System.Diagnostics;
using ChatOps.Clusters.Lab;
using ChatOps.Commands.Sweeps;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Benchmarks.Sweeps;

/// <summary>
/// <c>dotnet run -c Release --project tests/ChatOps.Benchmarks -- sweep-scale</c>: one sweep of a
/// generated 1,000-node lab (100 ms per probe, 5 % of nodes hanging, 1 s per-node timeout,
/// concurrency 32), against the ideal (sum of per-node times ÷ concurrency), with peak memory.
/// A single long run, measured once with wall-clock time, so it is not a BenchmarkDotNet case.
/// </summary>
internal static class SweepScale
{
    public const string Mode = "sweep-scale";

    public static async Task<int> RunAsync()
    {
        const int nodes = 1000;
        const int concurrency = 32;
        var latency = TimeSpan.FromMilliseconds(100);
        var timeout = TimeSpan.FromSeconds(1);
        var lab = LabClusters.Generate(new LabGeneratorOptions { Nodes = nodes, Vms = 20_000, ProbeLatency = latency, HangingFraction = 0.05 });
        var history = new NullHistory();
        using var runner = new SweepRunner(
            LabClusters.CreateGateway(lab, timeout),
            history,
            new FixedOptions(new SweepOptions { Concurrency = concurrency }),
            TimeProvider.System,
            NullLogger<SweepRunner>.Instance);

        var probeClock = Stopwatch.StartNew();
        var snapshot = await LabClusters.CreateGateway(lab, timeout).GetSnapshotAsync(concurrency, CancellationToken.None);
        var probeOnly = probeClock.Elapsed;
        var checkClock = Stopwatch.StartNew();
        _ = SweepRunner.Record("probe", DateTimeOffset.UtcNow, snapshot);
        var checksOnly = checkClock.Elapsed;

        var clock = Stopwatch.StartNew();
        var sweep = await runner.RunAsync(CancellationToken.None);
        clock.Stop();

        var hung = sweep.Nodes.Count(n => !n.Reachable);
        var ideal = TimeSpan.FromTicks(((nodes - hung) * latency.Ticks + hung * timeout.Ticks) / concurrency);
        var ratio = clock.Elapsed / ideal;
        using var process = Process.GetCurrentProcess();
        var peakMb = process.PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine($"nodes={nodes} unreachable={hung} findings={sweep.Findings.Count} rows={sweep.Rows.Count}");
        Console.WriteLine($"parts: probes={probeOnly.TotalSeconds:F2}s matrix+checks={checksOnly.TotalSeconds:F2}s");
        Console.WriteLine($"elapsed={clock.Elapsed.TotalSeconds:F2}s ideal={ideal.TotalSeconds:F2}s ratio={ratio:F3} (target < 1.3) peak-working-set={peakMb:F0} MB (target < 300)");
        return ratio < 1.3 && peakMb < 300 ? 0 : 1;
    }

    private sealed class FixedOptions(SweepOptions value) : IOptionsMonitor<SweepOptions>
    {
        public SweepOptions CurrentValue => value;

        public SweepOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SweepOptions, string?> listener) => null;
    }

    private sealed class NullHistory : ISweepHistory
    {
        public Task AddAsync(SweepRecord sweep, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<SweepRecord?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult<SweepRecord?>(null);

        public Task<IReadOnlyList<SweepRecord>> LatestAsync(int count, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SweepRecord>>([]);

        public Task<SweepRecord?> AtOrBeforeAsync(DateTimeOffset time, CancellationToken cancellationToken) => Task.FromResult<SweepRecord?>(null);

        public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<string?> LastSummarizedAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task MarkSummarizedAsync(string sweepId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
