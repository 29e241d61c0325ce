using System.Diagnostics;
using System.Globalization;
using ChatOps.Knowledge.Search;

namespace ChatOps.Benchmarks.Knowledge;

/// <summary>
/// <c>-- kb-latency</c>: per-query latency percentiles (BenchmarkDotNet reports means per
/// iteration, not the tail of single queries), and the time to load and index each corpus once.
/// </summary>
internal static class LatencyReport
{
    public const string Mode = "kb-latency";

    private const int Rounds = 400;

    /// <summary>How long queries run before measuring: tiered JIT recompiles hot methods after ~30 calls and a 100 ms delay.</summary>
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(2);

    public static void Run(TextWriter output)
    {
        foreach (var corpus in new[] { Corpora.Real, Corpora.Generated })
        {
            var clock = Stopwatch.StartNew();
            var runbooks = Corpora.Load(corpus);
            var parsed = clock.Elapsed;
            clock.Restart();
            var index = RunbookIndex.Build(runbooks);
            var built = clock.Elapsed;
            WarmUp(index);

            var samples = new List<double>(Rounds * Corpora.Queries.Length);
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var query in Corpora.Queries)
                {
                    var start = Stopwatch.GetTimestamp();
                    IndexSearch.Run(index, query, 5);
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }

            index.Release();
            samples.Sort();
            double P(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{corpus}: {runbooks.Count} articles; parse {parsed.TotalSeconds:F2} s, index {built.TotalSeconds:F2} s; " +
                $"{samples.Count} queries: p50 {P(0.50):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {samples[^1]:F2} ms"));
        }
    }

    private static void WarmUp(RunbookIndex index)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < WarmUpTime; i++)
        {
            IndexSearch.Run(index, Corpora.Queries[i % Corpora.Queries.Length], 5);
        }
    }
}
