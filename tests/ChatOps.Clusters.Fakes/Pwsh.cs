using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace ChatOps.Clusters.Fakes;

/// <summary>
/// Finds the pwsh that 'dotnet tool restore' put in the NuGet package folder (see .config/dotnet-tools.json)
/// and checks once that it starts; tests that need it are skipped, with the reason, when it does not. The node
/// module runs in hosted PowerShell (the SDK); only scripts that need pwsh's own modules run here.
/// </summary>
internal static class Pwsh
{
    private static readonly Lazy<(string? Path, string Reason)> Located = new(Locate);

    public static string? Path => Located.Value.Path;

    public static string UnavailableReason => Located.Value.Reason;

    public static string FakesFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "PowerShell", "Fakes");

    /// <summary>Runs a script file in its own pwsh process (for scripts that need modules the hosted SDK lacks, such as Compress-Archive) and reads its JSON.</summary>
    public static async Task<JsonElement> RunFileAsync(string script, params (string Name, string Value)[] parameters)
    {
        var start = new ProcessStartInfo(Path!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-NoProfile", "-NonInteractive", "-File", script])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in parameters)
        {
            start.ArgumentList.Add("-" + name);
            start.ArgumentList.Add(value);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        return process.ExitCode == 0
            ? JsonDocument.Parse(await stdout).RootElement.Clone()
            : throw new InvalidOperationException($"{script} exited {process.ExitCode}: {await stderr}");
    }

    private static (string? Path, string Reason) Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CHATOPS_TEST_PWSH");
        var path = fromEnvironment is { Length: > 0 } ? fromEnvironment : FromToolManifest();
        if (path is null || !File.Exists(path))
        {
            return (null, $"pwsh not found ({path ?? "no tool manifest"}); run 'dotnet tool restore' at the repository root.");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(path, ["-NoProfile", "-NonInteractive", "-Command", "exit 7"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            return process.WaitForExit(60_000) && process.ExitCode == 7
                ? (path, string.Empty)
                : (null, $"pwsh at {path} did not start cleanly (exit {(process.HasExited ? process.ExitCode : -1)}).");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (null, $"pwsh at {path} cannot start here: {ex.Message}");
        }
    }

    private static string? FromToolManifest()
    {
        var metadata = typeof(Pwsh).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } env ? env : metadata.GetValueOrDefault("NuGetPackageRoot");
        var manifest = System.IO.Path.Combine(RepositoryFiles.Root, ".config", "dotnet-tools.json");
        if (packages is not { Length: > 0 } || !File.Exists(manifest))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        var version = document.RootElement.GetProperty("tools").GetProperty("powershell").GetProperty("version").GetString();
        var tools = System.IO.Path.Combine(packages, "powershell", version!, "tools", "net10.0", "any");
        return OperatingSystem.IsWindows()
            ? System.IO.Path.Combine(tools, "win", "pwsh.exe")
            : System.IO.Path.Combine(tools, "unix", "pwsh");
    }
}
