namespace ChatOps.Knowledge;

/// <summary>
/// The runbook knowledge base: loaded from a folder of Markdown files, indexed in memory,
/// rebuilt when a file changes. All members are thread-safe and never throw on user text.
/// </summary>
public interface IKnowledgeBase
{
    /// <summary>The state of the current index: articles loaded and problems found.</summary>
    KnowledgeStatus Status { get; }

    /// <summary>
    /// Finds articles for free text in English or Chinese, event ids (<c>4096</c>) and hotfix
    /// ids (<c>KB970529</c>). Words that match nothing are matched approximately.
    /// </summary>
    /// <param name="query">What the user typed; any text is accepted.</param>
    /// <param name="top">How many hits at most (clamped to 1–50).</param>
    SearchResult Search(string query, int top = 5);

    /// <summary>The article with this id (case-insensitive), or null.</summary>
    Runbook? Get(string id);

    /// <summary>
    /// Every article, or those whose severity, keyword, check, action or applies-to entry
    /// equals <paramref name="tag"/> (case-insensitive); ordered by severity, then id.
    /// </summary>
    IReadOnlyList<Runbook> List(string? tag = null);

    /// <summary>Up to three articles whose id or title is close to <paramref name="text"/>, closest first.</summary>
    IReadOnlyList<Runbook> Suggest(string text);

    /// <summary>Reads the folder again and swaps the new index in; queries in flight finish on the old one.</summary>
    KnowledgeStatus Reload();
}
