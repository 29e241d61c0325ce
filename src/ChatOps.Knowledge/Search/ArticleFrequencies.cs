using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ChatOps.Knowledge.Search;

/// <summary>
/// How many articles hold each word in any of their text fields, per analysis (English, Chinese
/// words, Chinese bigrams), taken as the most articles that hold it in one field: a word in many
/// bodies is common even where few titles or keywords happen to use it.
/// </summary>
internal sealed class ArticleFrequencies
{
    private static readonly string[] Suffixes = [string.Empty, IndexFields.Words, IndexFields.Bigrams];
    private readonly Dictionary<string, Dictionary<string, int>> _bySuffix;

    private ArticleFrequencies(Dictionary<string, Dictionary<string, int>> bySuffix) => _bySuffix = bySuffix;

    public static ArticleFrequencies Of(IndexReader reader)
    {
        var bySuffix = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var suffix in Suffixes)
        {
            var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (name, _) in IndexFields.Text)
            {
                var terms = MultiFields.GetTerms(reader, name + suffix);
                if (terms is null)
                {
                    continue;
                }

                var iterator = terms.GetEnumerator();
                while (iterator.MoveNext())
                {
                    var term = iterator.Term.Utf8ToString();
                    frequencies[term] = Math.Max(frequencies.GetValueOrDefault(term), iterator.DocFreq);
                }
            }

            bySuffix[suffix] = frequencies;
        }

        return new ArticleFrequencies(bySuffix);
    }

    /// <summary>The articles holding <paramref name="term"/> in any text field analyzed like <paramref name="field"/>; null for fields that are not text.</summary>
    public int? Holding(string field, BytesRef term)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? field : field[..dot];
        if (!IndexFields.Text.Any(f => f.Name == name) || !_bySuffix.TryGetValue(dot < 0 ? string.Empty : field[dot..], out var frequencies))
        {
            return null;
        }

        return frequencies.GetValueOrDefault(term.Utf8ToString());
    }
}
