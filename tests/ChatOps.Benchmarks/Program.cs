// Entry point: `dotnet run -c Release --project tests/ChatOps.Benchmarks -- --filter '*' --job short`
// for the BenchmarkDotNet cases, `-- sweep-scale` for the 1,000-node sweep, or
// `-- kb-latency` for per-query search percentiles and one-shot index build times, or
// `-- cold-start [ChatOps.Bot.dll]` for the time from process start to `/readyz` answering 200, or
// `-- powershell` for a pooled in-process node call beside a process per call, and `vm` end to end, or
// `-- http [conversations] [commands]` for `/api/messages` answer and reply times beside a same-stack echo bot, or
// `-- flood [threads] [messages] [KB] [ChatOps.Bot.dll]` for the bot's peak memory and another admin's latency under one reader's floods, or
// `-- postgres` for the PostgreSQL state store's claim + audit + transition and reply times beside LiteDB.
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

if (args is [HttpTurns.Mode, ..])
{
    return await HttpTurns.RunAsync(Console.Out, args.Skip(1).Select(int.Parse).ToArray());
}

if (args is [Flood.Mode, ..])
{
    return await Flood.RunAsync(Console.Out, args[1..]);
}

if (args is [PostgresState.Mode])
{
    return await PostgresState.RunAsync(Console.Out);
}

if (args is [LatencyReport.Mode])
{
    LatencyReport.Run(Console.Out);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(HttpTurns).Assembly).Run(args);
return 0;
