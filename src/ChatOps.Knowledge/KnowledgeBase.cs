using ChatOps.Knowledge.Loading;
using ChatOps.Knowledge.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Knowledge;

/// <summary>
/// The articles of one folder and their index. A reload builds a new index beside the old one
/// and swaps it in with one reference assignment; a query holds a reference to the index it
/// started on, so nothing in flight is cut off.
/// </summary>
internal sealed partial class KnowledgeBase(IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<KnowledgeBase> logger) : IKnowledgeBase, IDisposable
{
    private readonly Lock _reloadLock = new();
    private KnowledgeSnapshot? _current;

    public KnowledgeStatus Status => Volatile.Read(ref _current)?.Status
        ?? new KnowledgeStatus(options.Value.Path ?? string.Empty, 0, [], null);

    public SearchResult Search(string query, int top = 5)
    {
        while (true)
        {
            var snapshot = Current();
            if (!snapshot.Index.TryAcquire())
            {
                continue; // swapped and closed between the read and the acquire: take the new one
            }

            try
            {
                return IndexSearch.Run(snapshot.Index, query, top);
            }
            finally
            {
                snapshot.Index.Release();
            }
        }
    }

    public Runbook? Get(string id) =>
        string.IsNullOrWhiteSpace(id) ? null : Current().ById.GetValueOrDefault(id.Trim());

    public IReadOnlyList<Runbook> List(string? tag = null)
    {
        var all = Current().Runbooks;
        var selected = string.IsNullOrWhiteSpace(tag) ? all : all.Where(r => HasTag(r, tag.Trim()));
        return selected.OrderBy(r => RunbookSchema.Rank(r.Severity)).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<Runbook> Suggest(string text) => TitleSimilarity.Closest(text, Current().Runbooks, 3);

    public KnowledgeStatus Reload()
    {
        lock (_reloadLock)
        {
            var folder = options.Value.Path ?? string.Empty;
            var loaded = RunbookLoader.LoadFolder(folder);
            var index = RunbookIndex.Build(loaded.Runbooks);
            var status = new KnowledgeStatus(folder, loaded.Runbooks.Count, loaded.Problems, time.GetUtcNow());
            var byId = loaded.Runbooks.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
            var previous = Interlocked.Exchange(ref _current, new KnowledgeSnapshot(index, loaded.Runbooks, byId, status));
            previous?.Index.Release();
            LogLoaded(status.Loaded, status.Problems.Count, folder);
            foreach (var problem in status.Problems)
            {
                LogProblem(problem.ToString());
            }

            return status;
        }
    }

    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Index.Release();

    private KnowledgeSnapshot Current()
    {
        var current = Volatile.Read(ref _current);
        if (current is not null)
        {
            return current;
        }

        lock (_reloadLock)
        {
            if (Volatile.Read(ref _current) is null)
            {
                Reload();
            }
        }

        return Volatile.Read(ref _current)!;
    }

    private static bool HasTag(Runbook runbook, string tag) =>
        runbook.Severity.Equals(tag, StringComparison.OrdinalIgnoreCase)
        || runbook.Keywords.Concat(runbook.Checks).Concat(runbook.Actions).Concat(runbook.AppliesTo)
            .Any(t => t.Equals(tag, StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base loaded {Loaded} articles with {Problems} problems from {Folder}")]
    private partial void LogLoaded(int loaded, int problems, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Runbook skipped: {Problem}")]
    private partial void LogProblem(string problem);
}
