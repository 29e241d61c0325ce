using System.ComponentModel;
using System.Diagnostics;

namespace ChatOps.EndToEnd.Tests;

/// <summary>
/// The service as <c>dotnet publish</c> ships it, in a temp folder, published once per test run from the build
/// the tests use. The test host loaded a package set that the published service could not (issue 22: the same
/// IdentityModel 8.16.0 beside both, sign-in tests green, every published request a 500); the published folder
/// holds exactly the assemblies its <c>deps.json</c> names, so a version the packages disagree on fails here as it
/// does for an operator.
/// </summary>
internal static class PublishedService
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly Lazy<Task<(string? Assembly, string? Problem)>> Published = new(PublishAsync);

    /// <summary>The published <c>ChatOps.Bot.dll</c>, or null and why <c>dotnet publish</c> could not run.</summary>
    public static Task<(string? Assembly, string? Problem)> AssemblyAsync() => Published.Value;

    private static async Task<(string? Assembly, string? Problem)> PublishAsync()
    {
        var project = Path.Combine(RepositoryRoot(), "src", "ChatOps.Bot", "ChatOps.Bot.csproj");
        var output = Path.Combine(Path.GetTempPath(), "chatops-published-" + Guid.NewGuid().ToString("N")[..8]);
        // --no-build: the solution was built before the tests ran; publishing is then resolving the
        // packages' runtime assemblies into one folder, seconds instead of a second build.
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", Configuration, "--no-build", "-o", output, "-nologo", "-v:q"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            return (null, $"dotnet could not be started to publish the service: {e.Message}");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            var assembly = Path.Combine(output, "ChatOps.Bot.dll");
            Assert.True(process.ExitCode == 0 && File.Exists(assembly), $"dotnet publish exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(output);
            return (assembly, null);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ChatOps.sln not found above the test output.");
    }
}
