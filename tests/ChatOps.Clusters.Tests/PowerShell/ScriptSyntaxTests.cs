namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>Every shipped PowerShell script (backend, JEA, Teams, Windows) parses, and the backend's take only validated parameters.</summary>
public sealed class ScriptSyntaxTests : IDisposable
{
    private readonly FakeCluster _fake = new();

    public void Dispose() => _fake.Dispose();

    [PwshFact]
    public async Task Parse_EveryShippedScript_HasNoErrorsAndTheBackendValidatesEveryParameter()
    {
        var root = JeaEndpointTests.RepoRoot();
        var folders = string.Join(',', Path.Combine(root, "src", "ChatOps.Clusters", "PowerShell", "Scripts"), Path.Combine(root, "deploy"));
        var runner = _fake.Runner(_fake.Options(Path.Combine(Pwsh.FakesFolder, "TestScripts")));

        var files = (await runner.RunAsync("Test-ScriptSyntax.ps1", [new("Folders", folders)], TimeSpan.FromSeconds(90), CancellationToken.None))
            .EnumerateArray().ToList();

        Assert.Contains(files, f => f.GetProperty("file").GetString() == "Register-ChatOpsJea.ps1");
        Assert.Contains(files, f => f.GetProperty("file").GetString() == "Install-ChatOps.ps1");
        Assert.All(files, f => Assert.True(f.GetProperty("errors").GetArrayLength() == 0, $"{f.GetProperty("file")}: {f.GetProperty("errors")}"));
        var shipped = Directory.GetFiles(Pwsh.ScriptsFolder, "*-ChatOps*.ps1").Select(Path.GetFileName).ToHashSet();
        var backend = files.Where(f => shipped.Contains(f.GetProperty("file").GetString())).ToList();
        Assert.Equal(7, backend.Count);
        Assert.All(backend.SelectMany(f => f.GetProperty("params").EnumerateArray().Select(p => (File: f.GetProperty("file").GetString(), Param: p))), p =>
            Assert.True(p.Param.GetProperty("validated").GetBoolean(), $"{p.File} -{p.Param.GetProperty("name").GetString()} is not validated"));
    }
}
