using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace ChatOps.Benchmarks.Clusters;

/// <summary>Adds p95 and p99 to the summary: targets are stated as percentiles, not means.</summary>
internal sealed class PercentilesConfig : ManualConfig
{
    public PercentilesConfig() => AddColumn(StatisticColumn.P95, new P99Column());
}
