namespace ChatOps.Knowledge;

/// <summary>The state of the knowledge base, for <c>/readyz</c> and the start-up log.</summary>
/// <param name="Path">The folder the articles are read from.</param>
/// <param name="Loaded">How many articles loaded and are searchable.</param>
/// <param name="Problems">Every problem found; articles with problems are skipped.</param>
/// <param name="LoadedAt">When the current index was built; null before the first load.</param>
public sealed record KnowledgeStatus(string Path, int Loaded, IReadOnlyList<RunbookProblem> Problems, DateTimeOffset? LoadedAt)
{
    /// <summary>True once an index is built with at least one article (problems in others do not count).</summary>
    public bool IsReady => LoadedAt is not null && Loaded > 0;

    /// <summary>Files that were skipped because of a problem.</summary>
    public IReadOnlyList<string> FailedFiles => Problems.Select(p => p.File).Distinct(StringComparer.Ordinal).ToList();
}
