using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace ChatOps.Knowledge.Search;

/// <summary>Chooses the analyzer by field suffix; one instance is shared (Lucene analyzers are thread-safe).</summary>
internal static class RunbookAnalyzers
{
    public static Analyzer English { get; } = new EnglishTextAnalyzer();

    public static Analyzer ChineseWords { get; } = new ChineseWordAnalyzer();

    public static Analyzer ChineseBigrams { get; } = new ChineseBigramAnalyzer();

    public static Analyzer PerField { get; } = Create();

    private static Analyzer Create()
    {
        var map = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var (name, _) in IndexFields.Text)
        {
            map[name + IndexFields.Words] = ChineseWords;
            map[name + IndexFields.Bigrams] = ChineseBigrams;
        }

        map[IndexFields.Exact] = new KeywordAnalyzer();
        map[IndexFields.Id] = new KeywordAnalyzer();
        return new PerFieldAnalyzerWrapper(English, map);
    }

    /// <summary>The terms (and their positions) an analyzer makes of a text.</summary>
    public static List<(string Term, int Position)> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), Math.Max(position, 0)));
        }

        stream.End();
        return terms;
    }
}
