using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace ChatOps.Knowledge.Search;

/// <summary>A short passage of an article with the matched words in <c>**bold**</c>.</summary>
internal static class SnippetMaker
{
    private const int FragmentSize = 160;

    /// <summary>Where to look for a passage, in order: the body first, then the header lists.</summary>
    private static readonly string[] Fields =
    [
        "body", "symptoms", "errors", "keywords",
        "keywords" + IndexFields.Bigrams, "symptoms" + IndexFields.Bigrams, "title" + IndexFields.Bigrams, "body" + IndexFields.Bigrams,
    ];

    /// <param name="prepared">The search's query rewritten by the searcher (fuzzy parts expanded to terms), so nothing is expanded per hit.</param>
    /// <param name="hit">The article to quote.</param>
    public static string Make(Query prepared, IndexedRunbook hit)
    {
        foreach (var field in Fields)
        {
            var source = field.Split('.')[0];
            var text = hit.FieldText[source];
            if (text.Length == 0 || (field.EndsWith(IndexFields.Bigrams, StringComparison.Ordinal) && !CjkText.HasCjk(text)))
            {
                continue;
            }

            // Term scoring, not span scoring: QueryScorer builds an in-memory index of the text for
            // every phrase clause, which made snippets cost more than the search itself.
            var scorer = new QueryTermScorer(prepared, field);
            var highlighter = new Highlighter(new SimpleHTMLFormatter("**", "**"), scorer)
            {
                TextFragmenter = new SimpleFragmenter(FragmentSize),
                MaxDocCharsToAnalyze = 64 * 1024,
            };
            var analyzed = field.EndsWith(IndexFields.Bigrams, StringComparison.Ordinal) ? CjkText.Mask(text)! : text;
            using var stream = RunbookAnalyzers.PerField.GetTokenStream(field, analyzed);
            var fragment = highlighter.GetBestFragment(stream, text);
            if (!string.IsNullOrWhiteSpace(fragment))
            {
                return Tidy(fragment);
            }
        }

        return string.Empty;
    }

    /// <summary>One line: the passage joins lines of the article.</summary>
    private static string Tidy(string fragment) =>
        string.Join(' ', fragment.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
