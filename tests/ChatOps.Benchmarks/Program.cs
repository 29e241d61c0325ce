using BenchmarkDotNet.Running;
using ChatOps.Benchmarks.Sweeps;

if (args is [SweepScale.Mode])
{
    return await SweepScale.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/ChatOps.Benchmarks -- --filter '*' --job short</c>
/// for the BenchmarkDotNet cases, or <c>-- sweep-scale</c> for the 1,000-node sweep.
/// </summary>
public partial class Program;
