using BenchmarkDotNet.Running;
using ChatOps.Benchmarks.Clusters;
using ChatOps.Benchmarks.Hosting;
using ChatOps.Benchmarks.Knowledge;
using ChatOps.Benchmarks.Sweeps;

if (args is [SweepScale.Mode])
{
    return await SweepScale.RunAsync();
}

if (args is [ColdStart.Mode, ..])
{
    return await ColdStart.RunAsync(args.ElementAtOrDefault(1), Console.Out);
}

if (args is [PowerShellCalls.Mode])
{
    return await PowerShellCalls.RunAsync(Console.Out);
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
/// <c>-- kb-latency</c> for per-query search percentiles and one-shot index build times, or
/// <c>-- cold-start [ChatOps.Bot.dll]</c> for the time from process start to <c>/readyz</c> answering 200, or
/// <c>-- powershell</c> for a pooled in-process node call beside a process per call, and <c>vm</c> end to end.
/// </summary>
public partial class Program;
