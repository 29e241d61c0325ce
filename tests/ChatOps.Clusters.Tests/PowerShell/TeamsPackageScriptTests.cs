using System.Text.Json;

using ChatOps.Clusters.Fakes;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>deploy/teams/New-ChatOpsTeamsPackage.ps1, run for real with pwsh.</summary>
public sealed class TeamsPackageScriptTests : IDisposable
{
    private readonly string _zip = Path.Combine(Path.GetTempPath(), $"chatops-teams-{Guid.NewGuid():N}.zip");

    public void Dispose()
    {
        File.Delete(_zip);
    }

    [PwshFact]
    public async Task Package_AppIdAndDomain_ZipsManifestAndIconsWithEveryPlaceholderFilled()
    {
        var json = await RunAsync("7A3C5E1F-2B4D-4F6A-8C0E-1D3F5A7B9C2E");

        Assert.Equal(["color.png", "manifest.json", "outline.png"], json.GetProperty("entries").EnumerateArray().Select(e => e.GetString()));
        var manifest = json.GetProperty("manifest").GetString()!;
        Assert.DoesNotContain("${{", manifest, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(manifest);
        Assert.Equal("7a3c5e1f-2b4d-4f6a-8c0e-1d3f5a7b9c2e", document.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal("7a3c5e1f-2b4d-4f6a-8c0e-1d3f5a7b9c2e", document.RootElement.GetProperty("id").GetString());
        Assert.Equal("bot.contoso.com", document.RootElement.GetProperty("validDomains")[0].GetString());
    }

    [PwshFact]
    public async Task Package_AppIdNotAGuid_RefusedAndNoZipWritten()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync("not-a-guid"));

        Assert.Contains("BotAppId", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_zip));
    }

    private Task<JsonElement> RunAsync(string appId) => Pwsh.RunFileAsync(
        Path.Combine(Pwsh.FakesFolder, "TestScripts", "Invoke-TeamsPackage.ps1"),
        ("Folder", Path.Combine(RepositoryFiles.Root, "deploy", "teams")), ("OutFile", _zip), ("BotAppId", appId));
}
