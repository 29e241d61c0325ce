namespace ChatOps.EndToEnd.Tests.Security;

/// <summary>The service itself, started as a process on a state file cut short.</summary>
public sealed class DamagedStateTests
{
    [Fact]
    public async Task Start_OnATruncatedDatabase_ExitsNonZeroWithOneLineNamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("chatops-damaged-").FullName;
        try
        {
            var path = Path.Combine(folder, "chatops.db");
            await File.WriteAllBytesAsync(path, new byte[12_000]);
            var start = new System.Diagnostics.ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["ChatOps__Storage__Path"] = path;
            start.Environment["Urls"] = "http://127.0.0.1:0";

            using var process = System.Diagnostics.Process.Start(start)!;
            var stderr = await process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, process.ExitCode);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"The state database {path} is damaged", line, StringComparison.Ordinal);
            Assert.Equal(12_000, new FileInfo(path).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
