using ChatOps.Clusters.Fakes;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatOps.Benchmarks.Hosting;

/// <summary>
/// <c>-- cold-start [path/to/ChatOps.Bot.dll]</c>: starts the bot (Development, lab backend,
/// the runbooks) several times and measures from process start to <c>/readyz</c> answering 200.
/// Without a path it runs the Release build in the repository; give a <c>dotnet publish</c>
/// folder's dll to measure what deploy/ installs. Exits 1 when the median misses the target.
/// </summary>
internal static class ColdStart
{
    public const string Mode = "cold-start";

    private const int Runs = 5;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string? botDll, TextWriter output)
    {
        var dll = Path.GetFullPath(botDll ?? Path.Combine(RepositoryFiles.Root, "src/ChatOps.Bot/bin/Release/net10.0/ChatOps.Bot.dll"));
        if (!File.Exists(dll))
        {
            output.WriteLine($"{dll} not found: build it first (dotnet build -c Release) or pass a published ChatOps.Bot.dll.");
            return 2;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var times = new List<TimeSpan>();
        for (var run = 0; run < Runs; run++)
        {
            var time = await OnceAsync(dll, http);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: {time.TotalSeconds:F2} s"));
            times.Add(time);
        }

        times.Sort();
        var median = times[times.Count / 2];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{dll}: median {median.TotalSeconds:F2} s, min {times[0].TotalSeconds:F2} s, max {times[^1].TotalSeconds:F2} s (target under {Target.TotalSeconds:F0} s)"));
        return median < Target ? 0 : 1;
    }

    private static async Task<TimeSpan> OnceAsync(string dll, HttpClient http)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Urls"] = url },
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitReadyAsync(http, new Uri(url + "/readyz"), process, GiveUp);
            return clock.Elapsed;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    /// <summary>Polls <paramref name="readyz"/> until it answers 200; throws when the process exits or <paramref name="giveUp"/> passes first.</summary>
    internal static async Task WaitReadyAsync(HttpClient http, Uri readyz, Process process, TimeSpan giveUp)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < giveUp && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(readyz);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(10);
        }

        throw new InvalidOperationException($"The bot was not ready within {giveUp.TotalSeconds:F0} s (exited: {process.HasExited})");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
