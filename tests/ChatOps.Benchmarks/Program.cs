using BenchmarkDotNet.Running;
using ChatOps.Benchmarks;

if (args is ["latency", ..])
{
    LatencyReport.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/ChatOps.Benchmarks -- --filter '*' --job short</c>;
/// <c>-- latency</c> prints per-query percentiles and one-shot build times.
/// </summary>
public partial class Program;
