namespace ChatOps.Knowledge;

/// <summary>The answer to a search.</summary>
/// <param name="Hits">Best first.</param>
/// <param name="Fuzzy">True when words were matched approximately because they matched nothing exactly.</param>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, bool Fuzzy)
{
    /// <summary>No hits.</summary>
    public static SearchResult Empty { get; } = new([], false);
}
