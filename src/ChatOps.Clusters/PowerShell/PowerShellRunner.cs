using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ChatOps.Clusters.PowerShell;

/// <summary>
/// Starts <c>powershell.exe</c>/<c>pwsh -NoProfile -NonInteractive -ExecutionPolicy Bypass -File</c>
/// with every value as its own argument (never spliced into script text), bounds its time and its
/// output, kills the whole process tree when either runs out, and turns each failure into a
/// <see cref="PowerShellException"/> of a distinct kind.
/// </summary>
internal sealed partial class PowerShellRunner(
    PowerShellOptions options,
    ILogger<PowerShellRunner> logger,
    IReadOnlyDictionary<string, string>? environment = null) : IPowerShellRunner
{
    public async Task<JsonElement> RunAsync(
        string script,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var path = ResolveScript(script);
        var start = CreateStartInfo(path, parameters);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new PowerShellException(PowerShellErrorKind.ExecutableMissing,
                $"Could not start '{options.Executable}' ({ex.Message}); check {PowerShellOptions.Section}:Executable.", ex);
        }

        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var overflow = new CancellationTokenSource();
        var stdout = new BoundedReader(process.StandardOutput, options.MaxOutputBytes, overflow);
        var stderr = new BoundedReader(process.StandardError, options.MaxOutputBytes, overflow);
        var reading = Task.WhenAll(stdout.ReadAsync(), stderr.ReadAsync());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(linked.Token, overflow.Token);
        try
        {
            await process.WaitForExitAsync(stop.Token);
            await reading.WaitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process, script);
            if (overflow.IsCancellationRequested)
            {
                throw new PowerShellException(PowerShellErrorKind.OutputTooLarge,
                    $"{script} wrote more than {options.MaxOutputBytes} bytes and was stopped.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            LogTimedOut(script, timeout);
            throw new PowerShellException(PowerShellErrorKind.Timeout, $"{script} did not finish within {timeout.TotalSeconds:0.#} s and was stopped.");
        }

        return process.ExitCode == 0
            ? ParseOutput(script, stdout.Text)
            : throw PowerShellErrors.FromFailure(script, process.ExitCode, stderr.Text, stdout.Text);
    }

    private string ResolveScript(string script)
    {
        if (!PowerShellNames.IsScript(script))
        {
            throw new PowerShellException(PowerShellErrorKind.InvalidArgument, $"'{script}' is not a script name.");
        }

        var path = Path.Combine(options.ResolvedScriptsPath, script);
        return File.Exists(path)
            ? path
            : throw new PowerShellException(PowerShellErrorKind.NotFound, $"Script {script} is missing from {options.ResolvedScriptsPath}.");
    }

    private ProcessStartInfo CreateStartInfo(string path, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var start = new ProcessStartInfo(options.Executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = options.ResolvedScriptsPath,
        };
        foreach (var argument in (string[])["-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", path])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in parameters)
        {
            if (!PowerShellNames.IsParameter(name))
            {
                throw new PowerShellException(PowerShellErrorKind.InvalidArgument, $"'{name}' is not a parameter name.");
            }

            // Every value the gateway passes starts with a letter or digit: a leading '-' would be read as a parameter name.
            if (value.Length == 0 || value[0] == '-' || value.Any(char.IsControl))
            {
                throw new PowerShellException(PowerShellErrorKind.InvalidArgument, $"The value of -{name} is not accepted.");
            }

            start.ArgumentList.Add("-" + name);
            start.ArgumentList.Add(value);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static JsonElement ParseOutput(string script, string text)
    {
        // Warnings and verbose text can reach stdout through the host; the document is the last line.
        foreach (var candidate in new[] { text.Trim(), LastLine(text) })
        {
            if (candidate.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(candidate);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
            }
        }

        throw new PowerShellException(PowerShellErrorKind.BadOutput, $"{script} did not write a JSON document: {PowerShellErrors.Excerpt(text)}");
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;

    private void Kill(Process process, string script)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
        catch (Win32Exception ex)
        {
            LogKillFailed(script, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Script {Script} timed out after {Timeout}; process tree killed")]
    private partial void LogTimedOut(string script, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Script {Script} could not be killed: {Reason}")]
    private partial void LogKillFailed(string script, string reason);
}
