using System.Globalization;
using Xunit.Abstractions;

namespace ChatOps.Knowledge.Tests.Search;

/// <summary>
/// The queries an on-call admin might type, each with the article it should find. The shared
/// evaluation file is preferred (it may be a larger set); the copy here keeps the test running elsewhere.
/// </summary>
public sealed class SearchQualityTests(RealKnowledgeBase kb, ITestOutputHelper output) : IClassFixture<RealKnowledgeBase>
{
    private const double RequiredTop3Rate = 0.90;

    [Fact]
    public void Search_EvaluationQueries_ExpectedArticleInTop3ForAtLeast90Percent()
    {
        var (file, cases) = LoadCases();
        var misses = new List<string>();
        foreach (var (query, expected) in cases)
        {
            var top = kb.Knowledge.Search(query, 3).Hits.Select(h => h.Runbook.Id).ToList();
            if (!expected.Any(top.Contains))
            {
                misses.Add($"  '{query}' expected {string.Join('|', expected)}, got [{string.Join(", ", top)}]");
            }
        }

        var rate = (cases.Count - misses.Count) / (double)cases.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"KB search quality: {cases.Count - misses.Count}/{cases.Count} = {rate:P1} expected article in top 3 ({file})"));
        misses.ForEach(output.WriteLine);
        Assert.True(cases.Count >= 20, $"only {cases.Count} evaluation queries in {file}");
        Assert.True(rate >= RequiredTop3Rate, $"top-3 hit rate {rate:P1} is below {RequiredTop3Rate:P0}:\n{string.Join('\n', misses)}");
    }

    private static (string File, List<(string Query, string[] Expected)> Cases) LoadCases()
    {
        var shared = Path.GetFullPath(Path.Combine(TestFolders.RepoRoot, "..", "shared", "eval", "kb-queries.tsv"));
        var file = Environment.GetEnvironmentVariable("CHATOPS_KB_QUERIES") is { Length: > 0 } env ? env
            : File.Exists(shared) ? shared
            : Path.Combine(AppContext.BaseDirectory, "Search", "kb-queries.tsv");
        var cases = File.ReadAllLines(file)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Where(p => p.Length >= 2)
            .Select(p => (p[0].Trim(), p[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();
        return (file, cases);
    }
}
