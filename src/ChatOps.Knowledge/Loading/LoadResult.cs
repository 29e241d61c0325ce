namespace ChatOps.Knowledge.Loading;

/// <summary>The articles that loaded and the problems of those that did not.</summary>
internal sealed record LoadResult(IReadOnlyList<Runbook> Runbooks, IReadOnlyList<RunbookProblem> Problems);
