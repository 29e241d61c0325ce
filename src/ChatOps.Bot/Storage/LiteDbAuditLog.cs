using System.Runtime.CompilerServices;
using ChatOps.Commands.Actions;
using LiteDB;

namespace ChatOps.Bot.Storage;

/// <summary>The audit log: an append-only LiteDB collection.</summary>
internal sealed class LiteDbAuditLog(LiteDbStore store) : IAuditLog
{
    public const string Collection = "audit";

    private ILiteCollection<AuditDocument> Records => store.Database.GetCollection<AuditDocument>(Collection, BsonAutoId.Int64);

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        Records.Insert(new AuditDocument { Record = record.Capped() });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditRecord>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        IReadOnlyList<AuditRecord> latest = Records.Query().OrderByDescending(d => d.Id).Limit(count).ToList().Select(d => d.Record).ToList();
        return Task.FromResult(latest);
    }

    /// <summary>
    /// Every record in order, read a page at a time. A LiteDB cursor in Shared mode holds the file's
    /// mutex until it ends, and a mutex must be released by the thread that took it: kept open across
    /// the caller's awaits it was released on another thread and the process aborted. Each page is
    /// read whole, on one thread, before anything is yielded.
    /// </summary>
    public async IAsyncEnumerable<AuditRecord> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var last = after;
            var page = Records.Query().Where(d => d.Id > last).OrderBy(d => d.Id).Limit(PageSize).ToList();
            foreach (var document in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return document.Record;
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Id;
            await Task.Yield();
        }
    }

    private const int PageSize = 1000;

    /// <summary>Storage shape: an auto-increment id keeps insertion order.</summary>
    internal sealed class AuditDocument
    {
        public long Id { get; set; }

        public AuditRecord Record { get; set; } = null!;
    }
}
