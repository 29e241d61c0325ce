using BenchmarkDotNet.Running;
using ChatOps.Benchmarks.Knowledge;
using ChatOps.Benchmarks.Sweeps;

if (args is [SweepScale.Mode])
{
    return await SweepScale.RunAsync();
}

if (args is [LatencyReport.Mode])
{
    LatencyReport.Run(Console.Out);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/ChatOps.Benchmarks -- --filter '*' --job short</c>
/// for the BenchmarkDotNet cases, <c>-- sweep-scale</c> for the 1,000-node sweep, or
/// <c>-- kb-latency</c> for per-query search percentiles and one-shot index build times.
/// </summary>
public partial class Program;
