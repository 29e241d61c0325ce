using System.Diagnostics;
using ChatOps.Clusters.PowerShell;

namespace ChatOps.Clusters.Tests.PowerShell;

public sealed class PowerShellRunnerTests : IDisposable
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(60);
    private readonly FakeCluster _fake = new();

    public void Dispose() => _fake.Dispose();

    [PwshFact]
    public async Task RunAsync_ScriptHangs_KillsProcessTreeAtTimeout()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"chatops-hang-{Guid.NewGuid():N}.txt");
        var runner = TestRunner();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PowerShellException>(() =>
            runner.RunAsync("Hang.ps1", [new("PidFile", pidFile)], TimeSpan.FromSeconds(25), CancellationToken.None));

        // Generous: on a loaded machine pwsh alone can take several seconds to start.
        Assert.Equal(PowerShellErrorKind.Timeout, error.Kind);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(60));
        Assert.True(File.Exists(pidFile), "pwsh did not reach the script within the timeout");
        var pids = File.ReadAllText(pidFile).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        Assert.Equal(2, pids.Count);
        Assert.All(pids, pid => Assert.False(StillAliveAfterGrace(pid), $"process {pid} survived the timeout"));
        File.Delete(pidFile);
    }

    [PwshFact]
    public async Task RunAsync_NoJsonOnStdout_ThrowsBadOutput()
    {
        var error = await Assert.ThrowsAsync<PowerShellException>(() => TestRunner().RunAsync("BadJson.ps1", [], Patient, CancellationToken.None));

        Assert.Equal(PowerShellErrorKind.BadOutput, error.Kind);
        Assert.Contains("this is not JSON", error.Message, StringComparison.Ordinal);
    }

    [PwshFact]
    public async Task RunAsync_JsonErrorOnStderr_ThrowsItsKindAndMessage()
    {
        var error = await Assert.ThrowsAsync<PowerShellException>(() => TestRunner().RunAsync("AccessDenied.ps1", [], Patient, CancellationToken.None));

        Assert.Equal(PowerShellErrorKind.AccessDenied, error.Kind);
        Assert.Equal(@"AccessDenied.ps1: Access is denied for CONTOSO\chatops$.", error.Message);
    }

    [PwshFact]
    public async Task RunAsync_UnhandledError_ThrowsFailedWithItsText()
    {
        var error = await Assert.ThrowsAsync<PowerShellException>(() => TestRunner().RunAsync("Crash.ps1", [], Patient, CancellationToken.None));

        Assert.Equal(PowerShellErrorKind.Failed, error.Kind);
        Assert.Contains("Something unexpected broke.", error.Message, StringComparison.Ordinal);
    }

    [PwshFact]
    public async Task RunAsync_OutputOverLimit_KillsAndThrowsOutputTooLarge()
    {
        var options = _fake.Options(Path.Combine(Pwsh.FakesFolder, "TestScripts"));
        options.MaxOutputBytes = 64 * 1024;

        var error = await Assert.ThrowsAsync<PowerShellException>(() => _fake.Runner(options).RunAsync("Chatty.ps1", [], Patient, CancellationToken.None));

        Assert.Equal(PowerShellErrorKind.OutputTooLarge, error.Kind);
    }

    [PwshTheory]
    [InlineData("a; rm -rf /")]
    [InlineData("$(whoami)")]
    [InlineData("NODE1' -or '1")]
    [InlineData("`$env:PATH; Remove-Item x")]
    public async Task RunAsync_HostileValue_ArrivesAsInertText(string value)
    {
        var json = await TestRunner().RunAsync("Echo.ps1", [new("Value", value)], Patient, CancellationToken.None);

        Assert.Equal(value, json.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("-Command")]
    [InlineData("HV01\nRemove-Item")]
    [InlineData("")]
    public async Task RunAsync_ValueThatCouldBeReadAsSyntax_RefusedBeforeStart(string value)
    {
        var runner = new PowerShellRunner(
            new PowerShellOptions { Executable = "/nonexistent/pwsh", ScriptsPath = Pwsh.ScriptsFolder },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PowerShellRunner>.Instance);

        var error = await Assert.ThrowsAsync<PowerShellException>(() =>
            runner.RunAsync("Clear-ChatOpsDnsCache.ps1", [new("NodeName", value)], Patient, CancellationToken.None));

        Assert.Equal(PowerShellErrorKind.InvalidArgument, error.Kind);
    }

    [Theory]
    [InlineData("../../etc/passwd.ps1")]
    [InlineData("Get-ChatOpsClusterView.ps1; whoami")]
    [InlineData("Get-ChatOpsClusterView")]
    public async Task RunAsync_ScriptNameNotAPlainFileName_Refused(string script)
    {
        var error = await Assert.ThrowsAsync<PowerShellException>(() => _fake.Runner().RunAsync(script, [], Patient, CancellationToken.None));

        Assert.Equal(PowerShellErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public async Task RunAsync_ExecutableMissing_ThrowsExecutableMissingNamingTheKey()
    {
        var options = _fake.Options();
        options.Executable = "/nonexistent/pwsh";

        var error = await Assert.ThrowsAsync<PowerShellException>(() =>
            _fake.Runner(options).RunAsync("Clear-ChatOpsDnsCache.ps1", [new("NodeName", "HV01")], Patient, CancellationToken.None));

        Assert.Equal(PowerShellErrorKind.ExecutableMissing, error.Kind);
        Assert.Contains("ChatOps:PowerShell:Executable", error.Message, StringComparison.Ordinal);
    }

    private PowerShellRunner TestRunner() => _fake.Runner(_fake.Options(Path.Combine(Pwsh.FakesFolder, "TestScripts")));

    /// <summary>A killed process may take a moment to be reaped; a zombie counts as dead.</summary>
    private static bool StillAliveAfterGrace(int pid)
    {
        for (var i = 0; i < 50 && IsAlive(pid); i++)
        {
            Thread.Sleep(100);
        }

        return IsAlive(pid);
    }

    private static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            var stat = $"/proc/{pid}/stat";
            return File.Exists(stat) && File.ReadAllText(stat).Split(')')[^1].Trim() is var rest && !rest.StartsWith('Z');
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
