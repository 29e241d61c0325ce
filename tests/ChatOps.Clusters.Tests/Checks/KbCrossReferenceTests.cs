using System.Reflection;
using System.Text.RegularExpressions;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Lab;

namespace ChatOps.Clusters.Tests.Checks;

/// <summary>Findings link runbooks that exist, and runbooks name checks that exist.</summary>
public sealed partial class KbCrossReferenceTests
{
    private static readonly string KbFolder = FindKbFolder();

    public static TheoryData<string> KbIdConstants() =>
        [.. typeof(KbIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    [Theory]
    [MemberData(nameof(KbIdConstants))]
    public void KbIds_EveryId_HasAnArticleWithThatId(string kbId)
    {
        var path = Path.Combine(KbFolder, kbId + ".md");

        Assert.True(File.Exists(path), $"kb/{kbId}.md is missing");
        Assert.Matches($"(?m)^id: {Regex.Escape(kbId)}\\s*$", File.ReadAllText(path));
    }

    [Fact]
    public void RunAll_DefaultLab_EveryFindingLinksAnExistingArticle()
    {
        var findings = ClusterChecks.RunAll(LabClusters.LoadDefault().Snapshot()).Findings;

        Assert.All(findings, f => Assert.True(File.Exists(Path.Combine(KbFolder, f.KbId + ".md")), $"{f.CheckId} links missing kb/{f.KbId}.md"));
    }

    [Fact]
    public void Articles_ChecksTheyName_AreRealChecksAndEveryCheckIsNamedBySomeArticle()
    {
        var named = Directory.GetFiles(KbFolder, "*.md")
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => ChecksLine().Match(File.ReadAllText(f)) is { Success: true } m
                ? m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(id => (File: Path.GetFileName(f), Id: id))
                : [])
            .ToList();

        Assert.All(named, n => Assert.True(ClusterChecks.Find(n.Id) is not null, $"{n.File} names unknown check '{n.Id}'"));
        Assert.All(ClusterChecks.All, c => Assert.Contains(named, n => n.Id == c.Id));
    }

    private static string FindKbFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")) && Directory.Exists(Path.Combine(dir.FullName, "kb")))
            {
                return Path.Combine(dir.FullName, "kb");
            }
        }

        throw new DirectoryNotFoundException("kb/ not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?m)^checks:\s*\[([^\]]*)\]")]
    private static partial Regex ChecksLine();
}
