using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point: <c>dotnet run -c Release --project tests/ChatOps.Benchmarks -- --filter '*' --job short</c>.</summary>
public partial class Program;
