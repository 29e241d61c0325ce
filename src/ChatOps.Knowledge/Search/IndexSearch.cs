namespace ChatOps.Knowledge.Search;

/// <summary>Runs a user's search on one index: the query as typed, then fully fuzzy if that finds nothing.</summary>
internal static class IndexSearch
{
    public static SearchResult Run(RunbookIndex index, string? text, int top)
    {
        var normalized = UserQuery.Normalize(text);
        if (normalized.Length == 0 || index.Count == 0)
        {
            return SearchResult.Empty;
        }

        top = Math.Clamp(top, 1, 50);
        var (query, fuzzy) = QueryFactory.Build(normalized, index.Vocabulary);
        if (query is null)
        {
            return SearchResult.Empty;
        }

        // Rewritten once, for both the search and the snippets.
        var rewritten = index.Searcher.Rewrite(query);
        var docs = index.Searcher.Search(rewritten, top);
        if (docs.TotalHits == 0 && !fuzzy)
        {
            (query, fuzzy) = QueryFactory.Build(normalized, index.Vocabulary, fuzzyAll: true);
            if (query is null || !fuzzy)
            {
                return SearchResult.Empty;
            }

            rewritten = index.Searcher.Rewrite(query);
            docs = index.Searcher.Search(rewritten, top);
        }

        var hits = new List<SearchHit>(docs.ScoreDocs.Length);
        var snippets = new SnippetMaker(index, rewritten);
        foreach (var scoreDoc in docs.ScoreDocs)
        {
            hits.Add(new SearchHit(index[scoreDoc.Doc].Runbook, scoreDoc.Score, snippets.Make(scoreDoc.Doc)));
        }

        return new SearchResult(hits, fuzzy && hits.Count > 0);
    }

    /// <summary>Hits without snippets, for callers that only need the articles.</summary>
    public static IReadOnlyList<Runbook> Articles(RunbookIndex index, string text, int top)
    {
        var (query, _) = QueryFactory.Build(UserQuery.Normalize(text), index.Vocabulary, fuzzyAll: true);
        return query is null
            ? []
            : index.Searcher.Search(query, top).ScoreDocs.Select(d => index[d.Doc].Runbook).ToList();
    }
}
