using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;

namespace ChatOps.Knowledge.Search;

/// <summary>
/// A short passage of an article with the matched words in <c>**bold**</c>. The match offsets
/// come from the term vectors stored at indexing, so no text is analysed again per hit (that
/// cost more than the search itself).
/// </summary>
internal sealed class SnippetMaker
{
    private const int Width = 160;
    private const int Lead = 24;

    /// <summary>Where to look for a passage, in order: the body first, then the header lists. These fields keep term vectors with offsets.</summary>
    public static readonly string[] Fields =
    [
        "body", "symptoms", "errors", "keywords",
        "keywords" + IndexFields.Bigrams, "symptoms" + IndexFields.Bigrams, "title" + IndexFields.Bigrams, "body" + IndexFields.Bigrams,
    ];

    private readonly RunbookIndex _index;
    private readonly Dictionary<string, WeightedTerm[]> _termsByField;

    /// <param name="index">The index searched.</param>
    /// <param name="rewritten">The search's query as the searcher rewrote it, so every term is concrete.</param>
    public SnippetMaker(RunbookIndex index, Query rewritten)
    {
        _index = index;
        _termsByField = Fields.ToDictionary(f => f, f => QueryTermExtractor.GetTerms(rewritten, prohibited: false, f), StringComparer.Ordinal);
    }

    public string Make(int doc)
    {
        if (_index.Reader.GetTermVectors(doc) is not { } vectors) // one decode per hit, for every field
        {
            return string.Empty;
        }

        foreach (var field in Fields)
        {
            var text = _index[doc].FieldText[field.Split('.')[0]];
            var matches = Matches(vectors, field, text.Length);
            if (matches.Count > 0)
            {
                return Quote(text, matches);
            }
        }

        return string.Empty;
    }

    private List<Match> Matches(Fields vectors, string field, int textLength)
    {
        var matches = new List<Match>();
        var terms = _termsByField[field];
        if (terms.Length == 0 || vectors.GetTerms(field) is not { } vector)
        {
            return matches;
        }

        var iterator = vector.GetEnumerator();
        foreach (var term in terms)
        {
            if (!iterator.SeekExact(new BytesRef(term.Term)) || iterator.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS) is not { } positions)
            {
                continue;
            }

            positions.NextDoc();
            for (var i = 0; i < positions.Freq; i++)
            {
                positions.NextPosition();
                if (positions.EndOffset <= textLength) // the keywords field also indexes the id, after the text
                {
                    matches.Add(new Match(positions.StartOffset, positions.EndOffset, term.Term, term.Weight));
                }
            }
        }

        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return matches;
    }

    /// <summary>
    /// The window of at most <see cref="Width"/> characters within one line of the text (a paragraph, a
    /// list item, a table row) holding the most weight of distinct matched words, with them in bold:
    /// a passage as written, never lines run together.
    /// </summary>
    private static string Quote(string text, List<Match> matches)
    {
        var (bestFirst, bestScore) = (0, -1f);
        for (var first = 0; first < matches.Count; first++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var score = 0f;
            var lineEnd = LineEnd(text, matches[first].Start);
            for (var i = first; i < matches.Count && matches[i].End - matches[first].Start <= Width && matches[i].End <= lineEnd; i++)
            {
                if (seen.Add(matches[i].Term))
                {
                    score += matches[i].Weight;
                }
            }

            if (score > bestScore)
            {
                (bestFirst, bestScore) = (first, score);
            }
        }

        var best = matches[bestFirst];
        var lineStart = text.LastIndexOf('\n', Math.Max(0, best.Start - 1)) + 1;
        var bestLineEnd = LineEnd(text, best.Start);
        // A line that fits is quoted whole: the sentence or the table row as written.
        var start = bestLineEnd - lineStart <= Width ? lineStart : WordStart(text, Math.Max(lineStart, best.Start - Lead), best.Start);
        var end = WordEnd(text, Math.Min(bestLineEnd, start + Width), best.End);
        var quote = new StringBuilder(end - start + 16);
        var at = start;
        foreach (var (spanStart, spanEnd) in Spans(matches.Where(m => m.Start >= start && m.End <= end)))
        {
            quote.Append(text, at, spanStart - at).Append("**").Append(text, spanStart, spanEnd - spanStart).Append("**");
            at = spanEnd;
        }

        quote.Append(text, at, end - at);
        return string.Join(' ', quote.ToString().Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static int LineEnd(string text, int index)
    {
        var newline = text.IndexOf('\n', index);
        return newline < 0 ? text.Length : newline;
    }

    /// <summary>Matches in order, those that overlap or touch joined (Chinese bigrams overlap: 虚拟 + 拟机 is one bold 虚拟机).</summary>
    private static IEnumerable<(int Start, int End)> Spans(IEnumerable<Match> ordered)
    {
        (int Start, int End)? open = null;
        foreach (var match in ordered)
        {
            if (open is { } span && match.Start <= span.End)
            {
                open = (span.Start, Math.Max(span.End, match.End));
                continue;
            }

            if (open is { } done)
            {
                yield return done;
            }

            open = (match.Start, match.End);
        }

        if (open is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Moves forward to the start of a word, no further than <paramref name="limit"/>; Chinese text has no spaces and is cut anywhere.</summary>
    private static int WordStart(string text, int index, int limit)
    {
        if (index == 0 || char.IsWhiteSpace(text[index - 1]))
        {
            return index;
        }

        var space = text.AsSpan(index, limit - index).IndexOfAny(' ', '\n');
        return space < 0 ? index : index + space + 1;
    }

    /// <summary>Moves back to the end of a word, no further than <paramref name="limit"/>.</summary>
    private static int WordEnd(string text, int index, int limit)
    {
        if (index >= text.Length || char.IsWhiteSpace(text[index]) || index <= limit)
        {
            return index;
        }

        var space = text.AsSpan(limit, index - limit).LastIndexOfAny(' ', '\n');
        return space < 0 ? index : limit + space;
    }

    private readonly record struct Match(int Start, int End, string Term, float Weight);
}
