using Lucene.Net.Index;

namespace ChatOps.Knowledge.Search;

/// <summary>
/// The English words of one index, grouped by first letter, for typo matching. Looking a word
/// up here costs a few microseconds; Lucene's <c>FuzzyQuery</c> builds a Levenshtein automaton
/// for every field it runs on, which cost more than the search itself.
/// </summary>
internal sealed class Vocabulary
{
    private const int MaxCandidates = 20;
    private readonly Dictionary<char, string[]> _byFirstLetter;

    private Vocabulary(Dictionary<char, string[]> byFirstLetter) => _byFirstLetter = byFirstLetter;

    public static Vocabulary Of(IndexReader reader)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, _) in IndexFields.Text)
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                var word = iterator.Term.Utf8ToString();
                if (IsWord(word))
                {
                    words.Add(word);
                }
            }
        }

        var byFirstLetter = words.GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray());
        return new Vocabulary(byFirstLetter);
    }

    /// <summary>Whether a word may be matched approximately: letters only (ids, KB and event numbers and addresses are never guessed).</summary>
    public static bool IsWord(string term) => term.Length > 0 && term.All(char.IsAsciiLetterLower);

    public bool Contains(string word) =>
        word.Length > 0 && _byFirstLetter.TryGetValue(word[0], out var words) && Array.BinarySearch(words, word, StringComparer.Ordinal) >= 0;

    /// <summary>
    /// Indexed words within <paramref name="maxEdits"/> edits of <paramref name="word"/> (insert,
    /// delete, substitute, swap two neighbours), the first letter as typed, closest first.
    /// </summary>
    public IReadOnlyList<(string Word, int Edits)> Near(string word, int maxEdits)
    {
        if (word.Length == 0 || !_byFirstLetter.TryGetValue(word[0], out var words))
        {
            return [];
        }

        var found = new List<(string Word, int Edits)>();
        foreach (var candidate in words)
        {
            if (Math.Abs(candidate.Length - word.Length) <= maxEdits && EditDistance.Between(word, candidate, maxEdits) is var edits && edits <= maxEdits)
            {
                found.Add((candidate, edits));
            }
        }

        return found.OrderBy(f => f.Edits).ThenBy(f => f.Word, StringComparer.Ordinal).Take(MaxCandidates).ToList();
    }
}
