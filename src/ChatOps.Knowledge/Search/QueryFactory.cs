using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChatOps.Knowledge.Search;

/// <summary>
/// Builds a Lucene query from typed text in code (no query parser, so no syntax to get wrong):
/// exact ids, English stems, Chinese words and bigrams, phrases as a bonus, fuzzy variants of
/// words the index does not know, and the synonyms of typed words at a lower weight.
/// </summary>
internal static class QueryFactory
{
    private const float ExactBoost = 12f;
    private const float PhraseBoost = 1.5f;
    private const float PairBoost = 0.5f;
    private const float FuzzyBoost = 0.6f;
    private const float BigramBoost = 0.8f;
    private const float SynonymBoost = 0.3f;

    /// <summary>The query, whether any part of it is fuzzy; null when the text holds nothing searchable.</summary>
    /// <param name="text">Normalised user text.</param>
    /// <param name="vocabulary">The words the index knows, and the near ones for typos.</param>
    /// <param name="fuzzyAll">Match every English word approximately (the fallback when nothing matched).</param>
    public static (Query? Query, bool Fuzzy) Build(string text, Vocabulary vocabulary, bool fuzzyAll = false)
    {
        var query = new BooleanQuery();
        var fuzzy = false;
        foreach (var token in UserQuery.ExactTokens(text))
        {
            query.Add(new TermQuery(new Term(IndexFields.Exact, token)) { Boost = ExactBoost }, Occur.SHOULD);
        }

        var english = RunbookAnalyzers.Terms(RunbookAnalyzers.English, "body", text).Take(UserQuery.MaxTerms * 2).ToList();
        foreach (var term in english.Select(t => t.Term).Distinct(StringComparer.Ordinal))
        {
            AddAcrossFields(query, term, string.Empty, 1f);
            if (term.Length >= 4 && Vocabulary.IsWord(term) && (fuzzyAll || !vocabulary.Contains(term)) && NearAcrossFields(term, vocabulary) is { } near)
            {
                query.Add(near, Occur.SHOULD);
                fuzzy = true;
            }
        }

        AddPhrase(query, english, string.Empty, ["title", "errors", "keywords", "symptoms", "body"]);
        AddPairs(query, english, ["title", "keywords", "errors", "symptoms", "summary"]);
        if (CjkText.Mask(text) is { } chinese)
        {
            var bigrams = AddChinese(query, chinese, 1f);
            AddPhrase(query, bigrams, IndexFields.Bigrams, ["title", "keywords", "symptoms"]);
        }

        if (query.Clauses.Count == 0)
        {
            return (null, false);
        }

        var (similarEnglish, similarChinese) = Synonyms.Default.Widen(text, english.Select(t => t.Term).ToHashSet(StringComparer.Ordinal));
        foreach (var term in similarEnglish)
        {
            AddAcrossFields(query, term, string.Empty, SynonymBoost);
        }

        if (CjkText.Mask(similarChinese) is { } widened)
        {
            AddChinese(query, widened, SynonymBoost);
        }

        return (query, fuzzy);
    }

    /// <summary>Chinese words and bigrams of masked text; the bigrams, for phrases.</summary>
    private static List<(string Term, int Position)> AddChinese(BooleanQuery query, string chinese, float boost)
    {
        foreach (var term in RunbookAnalyzers.Terms(RunbookAnalyzers.ChineseWords, "body" + IndexFields.Words, chinese).Select(t => t.Term).Distinct().Take(UserQuery.MaxTerms))
        {
            AddAcrossFields(query, term, IndexFields.Words, boost);
        }

        var bigrams = RunbookAnalyzers.Terms(RunbookAnalyzers.ChineseBigrams, "body" + IndexFields.Bigrams, chinese).Take(UserQuery.MaxTerms * 2).ToList();
        foreach (var term in bigrams.Select(t => t.Term).Distinct())
        {
            AddAcrossFields(query, term, IndexFields.Bigrams, BigramBoost * boost);
        }

        return bigrams;
    }

    /// <summary>
    /// One word in every text field, each field its own clause of the top query, weighted by the
    /// field. Flat clauses score fastest: a dis-max or nested query per word ranked no better on
    /// the evaluation set and took twice as long on a large corpus (a heap or a bucket table per
    /// word per document).
    /// </summary>
    private static void AddAcrossFields(BooleanQuery query, string term, string suffix, float boost)
    {
        foreach (var (name, weight) in IndexFields.Text)
        {
            query.Add(new TermQuery(new Term(name + suffix, term)) { Boost = weight * boost }, Occur.SHOULD);
        }
    }

    /// <summary>Indexed words a typo may have meant, closer ones weighing more; null when there are none.</summary>
    private static DisjunctionMaxQuery? NearAcrossFields(string term, Vocabulary vocabulary)
    {
        var near = vocabulary.Near(term, maxEdits: term.Length >= 7 ? 2 : 1);
        if (near.Count == 0)
        {
            return null;
        }

        var dismax = new DisjunctionMaxQuery(0.1f) { Boost = FuzzyBoost };
        foreach (var (word, edits) in near)
        {
            var fields = new BooleanQuery();
            AddAcrossFields(fields, word, string.Empty, 1f - ((float)edits / term.Length));
            dismax.Add(fields);
        }

        return dismax;
    }

    /// <summary>
    /// Each two neighbouring words typed score a little more where they stand together: a long
    /// question rarely matches as one phrase, but its pairs ("virtual connect", "file share") tell
    /// the article naming that thing from one that only holds both words apart. Not in the body,
    /// where pairs meet by chance and cost the most.
    /// </summary>
    private static void AddPairs(BooleanQuery query, List<(string Term, int Position)> terms, string[] fields)
    {
        var ordered = terms.OrderBy(t => t.Position).ToList();
        var pairs = 0;
        for (var i = 0; i + 1 < ordered.Count && pairs < UserQuery.MaxTerms; i++)
        {
            var (first, firstPosition) = ordered[i];
            var (second, secondPosition) = ordered[i + 1];
            if (firstPosition == secondPosition)
            {
                continue; // a typed token and one of its parts (KB970529, kb)
            }

            pairs++;
            foreach (var field in fields)
            {
                var weight = IndexFields.Text.First(f => f.Name == field).Boost;
                var pair = new PhraseQuery { Slop = 1, Boost = weight * PairBoost };
                pair.Add(new Term(field, first), 0);
                pair.Add(new Term(field, second), Math.Min(secondPosition - firstPosition, 2)); // a removed stop word between them still counts as next to
                query.Add(pair, Occur.SHOULD);
            }
        }
    }

    /// <summary>Words typed together score more where they stand together.</summary>
    private static void AddPhrase(BooleanQuery query, List<(string Term, int Position)> terms, string suffix, string[] fields)
    {
        if (terms.Select(t => t.Position).Distinct().Count() < 2)
        {
            return;
        }

        foreach (var field in fields)
        {
            var weight = IndexFields.Text.First(f => f.Name == field).Boost;
            var phrase = new PhraseQuery { Slop = 2, Boost = weight * PhraseBoost };
            foreach (var (term, position) in terms)
            {
                phrase.Add(new Term(field + suffix, term), position);
            }

            query.Add(phrase, Occur.SHOULD);
        }
    }
}
