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
            var (exitCode, stderr) = await BotProcess.RunAsync([], new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ChatOps__Storage__Path"] = path,
                ["Urls"] = "http://127.0.0.1:0",
            });

            Assert.Equal(2, exitCode);
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
