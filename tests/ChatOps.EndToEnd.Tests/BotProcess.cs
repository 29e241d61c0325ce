using System.Diagnostics;

namespace ChatOps.EndToEnd.Tests;

/// <summary>The built service as an operator starts it: its own process, arguments and environment.</summary>
internal static class BotProcess
{
    public static async Task<(int ExitCode, string StandardError)> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan? limit = null)
    {
        using var process = Process.Start(StartInfo(arguments, environment))!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }

    /// <summary>
    /// Starts the service (by default on a free loopback port) and returns once it listens; by default the build
    /// beside the tests, or the <paramref name="assembly"/> of another output such as a publish folder.
    /// </summary>
    public static async Task<RunningService> StartServiceAsync(IReadOnlyDictionary<string, string> environment, string urls = "http://127.0.0.1:0", string? assembly = null)
    {
        var process = Process.Start(StartInfo(["--urls", urls], environment, assembly))!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.IndexOf("Now listening on: ", StringComparison.Ordinal) is >= 0 and var at)
            {
                listening.TrySetResult(new Uri(e.Data[(at + "Now listening on: ".Length)..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => listening.TrySetException(new InvalidOperationException($"The service exited ({process.ExitCode}) before listening:\n{output}")), TaskScheduler.Default);
        var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new RunningService(process, address, output);
    }

    /// <summary>A loopback port nothing listens on now, for a service whose links must name its own address.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string? assembly = null)
    {
        assembly ??= typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [assembly, .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}

/// <summary>A service process started by <see cref="BotProcess.StartServiceAsync"/>; disposing it kills it.</summary>
internal sealed class RunningService(Process process, Uri address, System.Text.StringBuilder output) : IDisposable
{
    public HttpClient Client { get; } = new() { BaseAddress = address };

    /// <summary>Everything the process wrote so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Posts an activity to <c>/api/messages</c>, as the Bot Connector does.</summary>
    public async Task<System.Net.HttpStatusCode> PostAsync(Builders.TeamsActivity activity, TimeSpan limit)
    {
        using var content = new StringContent(activity.ToJson(), System.Text.Encoding.UTF8, "application/json");
        using var cancel = new CancellationTokenSource(limit);
        using var response = await Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancel.Token);
        return response.StatusCode;
    }

    /// <summary>Asks the process to stop, as a service manager or <c>kill</c> does (SIGTERM), and waits for it to exit; returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan limit)
    {
        await SignalAsync("TERM");
        using var cancel = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    /// <summary>Freezes the process where it stands (SIGSTOP), as a hung host, a debugger or a long pause would; <see cref="ResumeAsync"/> lets it go on.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>Lets a paused process go on (SIGCONT): its timers are overdue, and it carries on from where it was.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>Ends the process at once, as a crash or a power cut would: no shutdown code runs.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        Client.Dispose();
        process.Dispose();
    }
}
