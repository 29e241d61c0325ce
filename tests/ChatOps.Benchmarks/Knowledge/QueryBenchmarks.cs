using BenchmarkDotNet.Attributes;
using ChatOps.Knowledge.Search;

namespace ChatOps.Benchmarks.Knowledge;

/// <summary>One search with snippets, cycling through typical queries. Target: p99 under 5 ms (see <see cref="LatencyReport"/>).</summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private RunbookIndex? _index;
    private int _next;

    [Params(Corpora.Real, Corpora.Generated)]
    public string Corpus { get; set; } = Corpora.Real;

    [GlobalSetup]
    public void Setup() => _index = RunbookIndex.Build(Corpora.Load(Corpus));

    [GlobalCleanup]
    public void Cleanup() => _index?.Release();

    [Benchmark]
    public int Search() => IndexSearch.Run(_index!, Corpora.Queries[_next++ % Corpora.Queries.Length], 5).Hits.Count;
}
