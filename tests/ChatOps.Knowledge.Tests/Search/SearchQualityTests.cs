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
    /// The first result on the admin-phrasing set. It stood at 64 of 73 (87.7 %) before
    /// <c>synonyms.txt</c>; with it, 70 of 73 (95.9 %). The twelve modern runbooks cut it to 64
    /// again; idf over whole articles, word pairs and two accepted alternatives bring it to 69 (94.5 %).
    /// </summary>
    private const double RequiredFirstRate = 0.90;

    /// <summary>The first result on the shared set (or its copy here): 31 of 32 before <c>synonyms.txt</c> and after; it must not fall.</summary>
    private const double RequiredSharedFirstRate = 31 / 32.0;

    [Fact]
    public void Search_EvaluationQueries_ExpectedArticleInTop3ForAtLeast90Percent()
    {
        var (file, cases) = LoadCases();
        var (first, top3, misses) = Measure(cases);

        output.WriteLine(Figures("KB search quality", file, first, top3, cases.Count));
        misses.ForEach(output.WriteLine);
        Assert.True(cases.Count >= 20, $"only {cases.Count} evaluation queries in {file}");
        Assert.True(top3 / (double)cases.Count >= RequiredTop3Rate, $"top-3 rate {top3}/{cases.Count} is below {RequiredTop3Rate:P0}:\n{string.Join('\n', misses)}");
        if (Environment.GetEnvironmentVariable("CHATOPS_KB_QUERIES") is not { Length: > 0 })
        {
            Assert.True(first / (double)cases.Count >= RequiredSharedFirstRate, $"first-result rate {first}/{cases.Count} fell below {RequiredSharedFirstRate:P1}:\n{string.Join('\n', misses)}");
        }
    }

    /// <summary>
    /// The admin-phrasing set (this repository's own, 73 queries): long sentences, pasted error text,
    /// colloquial Chinese. Both the first result and the top 3 are measured and reported.
    /// </summary>
    [Fact]
    public void Search_HowAdminsType_FirstAndTop3Rates()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Search", "kb-admin-queries.tsv");
        var cases = Read(file);
        var (first, top3, misses) = Measure(cases);

        output.WriteLine(Figures("Admin phrasing", file, first, top3, cases.Count));
        misses.ForEach(output.WriteLine);
        Assert.True(cases.Count >= 40, $"only {cases.Count} queries in {file}");
        Assert.True(first / (double)cases.Count >= RequiredFirstRate, $"first-result rate {first}/{cases.Count} is below {RequiredFirstRate:P0}:\n{string.Join('\n', misses)}");
        Assert.True(top3 / (double)cases.Count >= RequiredTop3Rate, $"top-3 rate {top3}/{cases.Count} is below {RequiredTop3Rate:P0}");
    }

    /// <summary>
    /// The modern failure modes (Windows Server 2016-2025, Azure Local), asked as an admin would; written
    /// from the incident, not from the runbooks' words. Both rates are measured and reported.
    /// </summary>
    [Fact]
    public void Search_ModernFailureModes_FirstAndTop3Rates()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Search", "kb-modern-queries.tsv");
        var cases = Read(file);
        var (first, top3, misses) = Measure(cases);

        output.WriteLine(Figures("Modern failure modes", file, first, top3, cases.Count));
        misses.ForEach(output.WriteLine);
        Assert.True(cases.Count >= 24, $"only {cases.Count} queries in {file}");
        Assert.True(first / (double)cases.Count >= RequiredFirstRate, $"first-result rate {first}/{cases.Count} is below {RequiredFirstRate:P0}:\n{string.Join('\n', misses)}");
        Assert.True(top3 / (double)cases.Count >= RequiredTop3Rate, $"top-3 rate {top3}/{cases.Count} is below {RequiredTop3Rate:P0}");
    }

    /// <summary>How many queries have an expected article first, how many in the top 3, and the ones without it first.</summary>
    private (int First, int Top3, List<string> Misses) Measure(List<(string Query, string[] Expected)> cases)
    {
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

        return (first, top3, misses);
    }

    private static string Figures(string set, string file, int first, int top3, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{set}: first {first}/{count} = {first / (double)count:P1}, top 3 {top3}/{count} = {top3 / (double)count:P1} ({file})");

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
