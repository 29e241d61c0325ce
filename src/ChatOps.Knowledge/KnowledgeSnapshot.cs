using ChatOps.Knowledge.Search;

namespace ChatOps.Knowledge;

/// <summary>One loaded state of the folder: the articles, their index and what went wrong.</summary>
internal sealed record KnowledgeSnapshot(RunbookIndex Index, IReadOnlyList<Runbook> Runbooks, IReadOnlyDictionary<string, Runbook> ById, KnowledgeStatus Status);
