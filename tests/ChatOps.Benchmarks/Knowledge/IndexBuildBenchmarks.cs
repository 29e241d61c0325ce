using BenchmarkDotNet.Attributes;
using ChatOps.Knowledge;
using ChatOps.Knowledge.Search;

namespace ChatOps.Benchmarks.Knowledge;

/// <summary>Building the in-memory index from parsed articles (what a reload costs after parsing). Target: 10,000 articles under 10 s.</summary>
[MemoryDiagnoser]
public class IndexBuildBenchmarks
{
    private IReadOnlyList<Runbook> _runbooks = [];

    [Params(Corpora.Real, Corpora.Generated)]
    public string Corpus { get; set; } = Corpora.Real;

    [GlobalSetup]
    public void Setup() => _runbooks = Corpora.Load(Corpus);

    [Benchmark]
    public int BuildIndex()
    {
        var index = RunbookIndex.Build(_runbooks);
        var count = index.Count;
        index.Release();
        return count;
    }
}
