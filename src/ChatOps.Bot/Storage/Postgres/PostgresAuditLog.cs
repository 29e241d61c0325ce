using System.Runtime.CompilerServices;
using ChatOps.Commands.Actions;

namespace ChatOps.Bot.Storage.Postgres;

/// <summary>The audit log in PostgreSQL: inserted and read, never changed (the schema refuses it; see <see cref="PostgresSchema"/>).</summary>
internal sealed class PostgresAuditLog(PostgresStore store) : IAuditLog
{
    private const int PageSize = 1000;

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            var capped = record.Capped();
            await using var append = store.Command(c, "INSERT INTO chatops_audit (at, body) VALUES (@at, @body)");
            append.Parameters.AddWithValue("at", capped.Time.UtcDateTime);
            append.Parameters.AddWithValue("body", PostgresJson.Write(capped));
            return await append.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public async Task<IReadOnlyList<AuditRecord>> LatestAsync(int count, CancellationToken cancellationToken) =>
        (await PageAsync("SELECT id, body FROM chatops_audit ORDER BY id DESC LIMIT @count", 0, count, cancellationToken)).Select(r => r.Record).ToList();

    /// <summary>Every record, oldest first, a page at a time by id, so a long export holds no connection between pages.</summary>
    public async IAsyncEnumerable<AuditRecord> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = await PageAsync("SELECT id, body FROM chatops_audit WHERE id > @after ORDER BY id LIMIT @count", after, PageSize, cancellationToken);
            foreach (var (_, record) in page)
            {
                yield return record;
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Id;
        }
    }

    private Task<List<(long Id, AuditRecord Record)>> PageAsync(string sql, long after, int count, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var read = store.Command(c, sql);
            read.Parameters.AddWithValue("after", after);
            read.Parameters.AddWithValue("count", count);
            var page = new List<(long, AuditRecord)>();
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
            {
                page.Add((rows.GetInt64(0), PostgresJson.Read<AuditRecord>(rows.GetString(1))));
            }

            return page;
        }, cancellationToken);
}
