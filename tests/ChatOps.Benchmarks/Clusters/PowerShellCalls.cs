using System.Diagnostics;
using ChatOps.Clusters;
using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.Fakes.Fixtures;
using ChatOps.Clusters.PowerShell;
using ChatOps.Clusters.PowerShell.Sessions;
using ChatOps.Commands;
using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Clusters;
using ChatOps.Commands.Routing;
using ChatOps.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Benchmarks.Clusters;

/// <summary>
/// <c>-- powershell</c>: one warm node probe (Get-ChatOpsNodeInventory) through the pooled in-process
/// runspace against the JEA-faithful endpoint, beside the same call through a new PowerShell process
/// per call (the earlier design), in one run; then <c>vm &lt;name&gt;</c> end to end through the router
/// over the PowerShell backend on the six-node 2022 cluster. Targets: at least 10x at p50; vm under 1 s warm.
/// </summary>
internal static class PowerShellCalls
{
    public const string Mode = "powershell";

    private const string Node = "HV22-01";

    public static async Task<int> RunAsync(TextWriter output)
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.WindowsServer2022));
        var pooled = await PooledAsync(fake, calls: 50);
        var perProcess = await PerProcessAsync(fake, calls: 10);
        var vm = await VmEndToEndAsync(fake, calls: 20);

        output.WriteLine($"Node probe {PowerShellCommands.NodeInventory} on a 2022 node ({Environment.ProcessorCount} cores):");
        output.WriteLine($"  pooled in-process JEA session   p50 {Ms(pooled, 0.5)}  p99 {Ms(pooled, 0.99)}  ({pooled.Count} warm calls)");
        output.WriteLine($"  new process per call            p50 {Ms(perProcess, 0.5)}  p99 {Ms(perProcess, 0.99)}  ({perProcess.Count} calls)");
        output.WriteLine($"  ratio at p50                    {Percentile(perProcess, 0.5) / Percentile(pooled, 0.5):0.0}x (target >= 10x)");
        output.WriteLine($"vm WEB-01 end to end, 6 nodes     p50 {Ms(vm, 0.5)}  p99 {Ms(vm, 0.99)}  ({vm.Count} warm calls; target < 1 s)");
        return 0;
    }

    private static async Task<List<double>> PooledAsync(FakeCluster fake, int calls)
    {
        using var sessions = fake.Runner();
        var parameters = new List<KeyValuePair<string, string>> { new("NodeName", Node) };
        for (var i = 0; i < 5; i++)
        {
            await sessions.InvokeAsync(Node, PowerShellCommands.NodeInventory, parameters, TimeSpan.FromSeconds(60), CancellationToken.None);
        }

        return await TimeAsync(calls, () => sessions.InvokeAsync(Node, PowerShellCommands.NodeInventory, parameters, TimeSpan.FromSeconds(60), CancellationToken.None));
    }

    private static async Task<List<double>> PerProcessAsync(FakeCluster fake, int calls)
    {
        var pwsh = Pwsh.Path ?? throw new InvalidOperationException(Pwsh.UnavailableReason);
        var script = Path.Combine(AppContext.BaseDirectory, "Clusters", "Invoke-ChatOpsOnce.ps1");
        return await TimeAsync(calls, async () =>
        {
            var start = new ProcessStartInfo(pwsh) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])["-NoProfile", "-NonInteractive", "-File", script,
                "-SessionConfiguration", JeaRunspacePoolFactory.SessionConfigurationFile, "-Fixture", fake.FixturePath,
                "-NodesRoot", fake.NodesRoot, "-Node", Node, "-Command", PowerShellCommands.NodeInventory])
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["PSModulePath"] = Environment.GetEnvironmentVariable("PSModulePath");
            using var process = Process.Start(start)!;
            var stdout = await process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0 || !stdout.TrimStart().StartsWith('{'))
            {
                throw new InvalidOperationException($"pwsh exited {process.ExitCode}: {stderr}{stdout}");
            }
        });
    }

    private static async Task<List<double>> VmEndToEndAsync(FakeCluster fake, int calls)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatOps:Cluster:Backend"] = ClusterOptions.PowerShellBackend,
            ["ChatOps:PowerShell:ClusterName"] = fake.Name,
            ["ChatOps:Cluster:NodeTimeout"] = "00:00:30",
        });
        builder.Services.AddSingleton<IRunspacePoolFactory>(new JeaRunspacePoolFactory(fake));
        builder.Services.AddSingleton<IAuditLog, DiscardedAudit>();
        builder.AddClusters();
        builder.AddCommands();
        builder.Services.AddClusterCommands();
        builder.AddKnowledge();
        using var host = builder.Build();
        var router = host.Services.GetRequiredService<CommandRouter>();
        var context = new CommandContext(new Caller("29:bench", "Bench", "bench"), "conv-1", null, "msteams");
        var first = await router.DispatchAsync("vm WEB-01", context, CancellationToken.None);
        if (first.Heading?.Contains("WEB-01", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"vm WEB-01 answered '{first.Heading}'");
        }

        return await TimeAsync(calls, () => router.DispatchAsync("vm WEB-01", context, CancellationToken.None));
    }

    private static async Task<List<double>> TimeAsync(int calls, Func<Task> call)
    {
        var times = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Ms(List<double> sorted, double p) => $"{Percentile(sorted, p),8:0.0} ms";
}
