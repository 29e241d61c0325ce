using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChatOps.Benchmarks.Clusters;

/// <summary>The 99th percentile of one operation, in milliseconds: the figure the diagnose target is stated in.</summary>
internal sealed class P99Column : IColumn
{
    public string Id => nameof(P99Column);

    public string ColumnName => "P99 [ms]";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 100;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "99th percentile of one operation, in milliseconds";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics is { } stats
            ? (stats.Percentiles.Percentile(99) / 1_000_000).ToString("0.000", CultureInfo.InvariantCulture)
            : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
