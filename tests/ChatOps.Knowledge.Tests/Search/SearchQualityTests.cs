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

    /// <summary>
    /// Where the first result stands today on the admin-phrasing set (40 of 45), so it cannot slip
    /// back; the goal is 0.90. Dropping conversational words from long queries was tried: top 3
    /// went to 44 of 45 but the first result to 38, so it was not kept.
    /// </summary>
    private const double RequiredFirstRate = 0.88;

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

    /// <summary>
    /// The admin-phrasing set (this repository's own, 45 queries): long sentences, pasted error text,
    /// colloquial Chinese. Both the first result and the top 3 are measured and reported.
    /// </summary>
    [Fact]
    public void Search_HowAdminsType_FirstAndTop3Rates()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Search", "kb-admin-queries.tsv");
        var cases = Read(file);
        var misses = new List<string>();
        var first = 0;
        var top3 = 0;
        foreach (var (query, expected) in cases)
        {
            var top = kb.Knowledge.Search(query, 3).Hits.Select(h => h.Runbook.Id).ToList();
            first += top.Count > 0 && expected.Contains(top[0]) ? 1 : 0;
            top3 += expected.Any(top.Contains) ? 1 : 0;
            if (top.Count == 0 || !expected.Contains(top[0]))
            {
                misses.Add($"  '{query}' expected {string.Join('|', expected)}, got [{string.Join(", ", top)}]");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Admin phrasing: first {first}/{cases.Count} = {first / (double)cases.Count:P1}, top 3 {top3}/{cases.Count} = {top3 / (double)cases.Count:P1}"));
        misses.ForEach(output.WriteLine);
        Assert.True(cases.Count >= 40, $"only {cases.Count} queries in {file}");
        Assert.True(first / (double)cases.Count >= RequiredFirstRate, $"first-result rate {first}/{cases.Count} is below {RequiredFirstRate:P0}:\n{string.Join('\n', misses)}");
        Assert.True(top3 / (double)cases.Count >= RequiredTop3Rate, $"top-3 rate {top3}/{cases.Count} is below {RequiredTop3Rate:P0}");
    }

    private static List<(string Query, string[] Expected)> Read(string file) =>
        File.ReadAllLines(file)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Where(p => p.Length >= 2)
            .Select(p => (p[0].Trim(), p[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();

    private static (string File, List<(string Query, string[] Expected)> Cases) LoadCases()
    {
        var shared = Path.GetFullPath(Path.Combine(TestFolders.RepoRoot, "..", "shared", "eval", "kb-queries.tsv"));
        var file = Environment.GetEnvironmentVariable("CHATOPS_KB_QUERIES") is { Length: > 0 } env ? env
            : File.Exists(shared) ? shared
            : Path.Combine(AppContext.BaseDirectory, "Search", "kb-queries.tsv");
        return (file, Read(file));
    }
}
