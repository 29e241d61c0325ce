using System.Runtime.CompilerServices;
using ChatOps.Commands.Actions;
using LiteDB;

namespace ChatOps.Bot.Storage;

/// <summary>The audit log: an append-only LiteDB collection.</summary>
internal sealed class LiteDbAuditLog(LiteDbStore store) : IAuditLog
{
    private ILiteCollection<AuditDocument> Records => store.Database.GetCollection<AuditDocument>("audit", BsonAutoId.Int64);

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        Records.Insert(new AuditDocument { Record = record });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditRecord>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        IReadOnlyList<AuditRecord> latest = Records.Query().OrderByDescending(d => d.Id).Limit(count).ToList().Select(d => d.Record).ToList();
        return Task.FromResult(latest);
    }

    public async IAsyncEnumerable<AuditRecord> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var document in Records.FindAll())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return document.Record;
        }

        await Task.CompletedTask;
    }

    /// <summary>Storage shape: an auto-increment id keeps insertion order.</summary>
    internal sealed class AuditDocument
    {
        public long Id { get; set; }

        public AuditRecord Record { get; set; } = null!;
    }
}
