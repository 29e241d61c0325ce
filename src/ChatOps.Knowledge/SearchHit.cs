namespace ChatOps.Knowledge;

/// <summary>One search result.</summary>
/// <param name="Runbook">The article found.</param>
/// <param name="Score">Relevance; only meaningful relative to other hits of the same search.</param>
/// <param name="Snippet">A short passage with the matched words in <c>**bold**</c>; empty when none fits.</param>
public sealed record SearchHit(Runbook Runbook, float Score, string Snippet);
