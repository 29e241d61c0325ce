using ChatOps.Commands.Actions;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace ChatOps.Bot.Storage.Postgres;

/// <summary>
/// Processed activity ids in PostgreSQL, one row per id by primary key, shared by every instance:
/// the first instance to insert an id has it (<c>INSERT … ON CONFLICT DO NOTHING</c>), whichever
/// instance Teams redelivers to, and the row keeps the activity until its turn finishes. An id left
/// unfinished by an instance that is gone (stopped, or silent past its lease) is taken over in one
/// conditional update: by its next delivery, or by another instance looking for abandoned work
/// (each row changes owner only from the dead owner it was picked from, so when two instances look at once the second update of a row finds it taken and leaves it: measured, a <c>FOR UPDATE SKIP LOCKED</c> pick let both take some rows).
/// </summary>
internal sealed class PostgresProcessedActivities(PostgresStore store, IOptions<StorageOptions> options) : IProcessedActivities
{
    /// <summary>An answer bigger than a Teams card cannot be is not kept (the redelivery then gets "already handled").</summary>
    private const int MaxAnswerChars = 64 * 1024;

    private int _claims;

    public Task<ActivityClaim> TryClaimAsync(string activityKey, DateTimeOffset now, string? stored, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var claim = store.Command(c, $"""
                WITH seen AS (SELECT owner FROM chatops_processed WHERE key = @key),
                fresh AS (
                    INSERT INTO chatops_processed (key, at, owner, stored, attempts) VALUES (@key, @at, @me, @stored, 1)
                    ON CONFLICT (key) DO NOTHING RETURNING key),
                taken AS (
                    UPDATE chatops_processed p SET owner = @me, stored = coalesce(@stored, p.stored), attempts = p.attempts + 1
                    WHERE p.key = @key AND NOT EXISTS (SELECT 1 FROM fresh) AND NOT p.finished
                      AND p.owner IS NOT NULL AND p.owner <> @me AND NOT {PostgresStore.Alive("p.owner")}
                      -- compare-and-set: only away from the dead owner this statement read, never from one that took it meanwhile
                      AND p.owner = (SELECT owner FROM seen)
                    RETURNING p.key)
                SELECT 'new' FROM fresh UNION ALL SELECT 'taken' FROM taken
                """);
            claim.Parameters.AddWithValue("key", StoredKey.Of(activityKey));
            claim.Parameters.AddWithValue("at", now.UtcDateTime);
            claim.Parameters.Add(new("stored", NpgsqlDbType.Text) { Value = (object?)stored ?? DBNull.Value });
            if (await claim.ExecuteScalarAsync(ct) is string)
            {
                if (Interlocked.Increment(ref _claims) % 256 == 1)
                {
                    await PruneAsync(c, now, ct);
                }

                return new ActivityClaim(true, false, null);
            }

            await using var seen = store.Command(c, "SELECT finished, owner IS NULL, answer_status, answer_body FROM chatops_processed WHERE key = @key");
            seen.Parameters.AddWithValue("key", StoredKey.Of(activityKey));
            await using var row = await seen.ExecuteReaderAsync(ct);
            if (!await row.ReadAsync(ct))
            {
                // Pruned between the two statements: it is long finished.
                return new ActivityClaim(false, true, null);
            }

            var finished = row.GetBoolean(0) || row.GetBoolean(1);
            var answer = row.IsDBNull(3) ? null : new StoredAnswer(row.GetInt32(2), row.GetString(3));
            return new ActivityClaim(false, finished, answer);
        }, cancellationToken);

    public Task FinishAsync(string activityKey, StoredAnswer? answer, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            var kept = answer is { Body.Length: <= MaxAnswerChars } ? answer : null;
            await using var finish = store.Command(c, "UPDATE chatops_processed SET finished = true, stored = NULL, answer_status = @status, answer_body = @body WHERE key = @key");
            finish.Parameters.AddWithValue("key", StoredKey.Of(activityKey));
            finish.Parameters.Add(new("status", NpgsqlDbType.Integer) { Value = (object?)kept?.Status ?? DBNull.Value });
            finish.Parameters.Add(new("body", NpgsqlDbType.Text) { Value = (object?)kept?.Body ?? DBNull.Value });
            return await finish.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public Task<IReadOnlyList<AbandonedActivity>> TakeOverAbandonedAsync(int max, CancellationToken cancellationToken) =>
        store.RunAsync<IReadOnlyList<AbandonedActivity>>(async (c, ct) =>
        {
            await using var take = store.Command(c, $"""
                WITH picked AS (
                    SELECT q.key, q.owner FROM chatops_processed q
                    WHERE NOT q.finished AND q.stored IS NOT NULL AND q.owner IS NOT NULL AND q.owner <> @me
                      AND NOT {PostgresStore.Alive("q.owner")}
                    ORDER BY q.at LIMIT @max)
                UPDATE chatops_processed p SET owner = @me, attempts = p.attempts + 1
                FROM picked WHERE p.key = picked.key AND p.owner = picked.owner AND NOT p.finished
                RETURNING p.key, p.at, p.stored, p.attempts
                """);
            take.Parameters.AddWithValue("max", max);
            var taken = new List<AbandonedActivity>();
            await using var rows = await take.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
            {
                taken.Add(new AbandonedActivity(rows.GetString(0), rows.GetFieldValue<DateTimeOffset>(1), rows.GetString(2), rows.GetInt32(3)));
            }

            return [.. taken.OrderBy(a => a.ReceivedAt)];
        }, cancellationToken);

    public Task ReleaseAsync(string activityKey, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var release = store.Command(c, "DELETE FROM chatops_processed WHERE key = @key AND NOT finished AND owner = @me");
            release.Parameters.AddWithValue("key", StoredKey.Of(activityKey));
            return await release.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    private async Task PruneAsync(Npgsql.NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var prune = store.Command(connection, "DELETE FROM chatops_processed WHERE at < @cutoff AND (finished OR stored IS NULL)");
        prune.Parameters.AddWithValue("cutoff", (now - options.Value.ProcessedActivityRetention).UtcDateTime);
        await prune.ExecuteNonQueryAsync(cancellationToken);
    }
}
