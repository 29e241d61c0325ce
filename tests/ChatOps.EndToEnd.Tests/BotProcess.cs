using System.Diagnostics;

namespace ChatOps.EndToEnd.Tests;

/// <summary>The built service as an operator starts it: its own process, arguments and environment.</summary>
internal static class BotProcess
{
    public static async Task<(int ExitCode, string StandardError)> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }
}
