using System.Text.Json;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>The JEA role capability and session configuration in deploy/jea, read by PowerShell's own parser.</summary>
public sealed class JeaEndpointTests : IDisposable
{
    private static readonly string[] Scripts =
        ["Get-ChatOpsClusterView", "Get-ChatOpsNodeInventory", "Stop-ChatOpsClusterService", "Stop-ChatOpsVmWorker", "Clear-ChatOpsDnsCache", "Remove-ChatOpsStaleLink"];

    private readonly FakeCluster _fake = new();

    public void Dispose() => _fake.Dispose();

    [PwshFact]
    public async Task RoleCapability_ExposesOnlyTheWrapperFunctions()
    {
        var psrc = (await ReadAsync()).GetProperty("psrc");

        Assert.Empty(psrc.GetProperty("visibleCmdlets").EnumerateArray());
        Assert.Empty(psrc.GetProperty("visibleAliases").EnumerateArray());
        Assert.Empty(psrc.GetProperty("visibleExternalCommands").EnumerateArray());
        Assert.Empty(psrc.GetProperty("visibleProviders").EnumerateArray());
        Assert.Equal(Scripts.Order(), psrc.GetProperty("visibleFunctions").EnumerateArray().Select(e => e.GetString()!).Order());
        Assert.DoesNotContain("ModulesToImport", psrc.GetProperty("keys").EnumerateArray().Select(e => e.GetString()));
        var text = psrc.GetProperty("text").GetString()!;
        foreach (var forbidden in (string[])["Invoke-Expression", "iex", "Start-Process", "FileSystem", "Invoke-Command", "Add-Type", "ScriptsToProcess"])
        {
            Assert.DoesNotMatch($@"(?i)(?<![A-Za-z-]){forbidden}(?![A-Za-z-])", text);
        }
    }

    [PwshFact]
    public async Task RoleCapability_EveryParameterOfEveryWrapperIsValidated()
    {
        var functions = (await ReadAsync()).GetProperty("psrc").GetProperty("functions").EnumerateArray().ToList();

        Assert.Equal(Scripts, functions.Select(f => f.GetProperty("name").GetString()));
        foreach (var function in functions)
        {
            var name = function.GetProperty("name").GetString();
            Assert.All(function.GetProperty("parameters").EnumerateArray(), p =>
                Assert.True(p.GetProperty("validation").GetArrayLength() > 0, $"{name} -{p.GetProperty("name").GetString()} has no ValidateSet or ValidatePattern"));
            Assert.Empty(function.GetProperty("commands").EnumerateArray());
            Assert.Equal([name + ".ps1"], function.GetProperty("scripts").EnumerateArray().Select(s => s.GetString()));
        }
    }

    [PwshFact]
    public async Task SessionConfiguration_RestrictedNoLanguageWithAccountAndTranscripts()
    {
        var pssc = (await ReadAsync()).GetProperty("pssc");

        Assert.Equal("RestrictedRemoteServer", pssc.GetProperty("sessionType").GetString());
        Assert.Equal("NoLanguage", pssc.GetProperty("languageMode").GetString());
        Assert.True(pssc.GetProperty("runAsVirtualAccount").GetBoolean() || pssc.GetProperty("gmsa").GetBoolean());
        Assert.True(pssc.GetProperty("transcripts").GetBoolean());
        Assert.Contains("ChatOps", pssc.GetProperty("roleCapabilities").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void WrapperScripts_EachShipsWithTheBackend()
    {
        foreach (var script in Scripts)
        {
            Assert.True(File.Exists(Path.Combine(Pwsh.ScriptsFolder, script + ".ps1")), $"{script}.ps1 is not in the build output");
        }
    }

    private async Task<JsonElement> ReadAsync()
    {
        var folder = Path.Combine(RepoRoot(), "deploy", "jea");
        var runner = _fake.Runner(_fake.Options(Path.Combine(Pwsh.FakesFolder, "TestScripts")));
        return await runner.RunAsync("Read-JeaFiles.ps1", [new("Folder", folder)], TimeSpan.FromSeconds(90), CancellationToken.None);
    }

    internal static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ChatOps.sln not found above the test output.");
    }
}
