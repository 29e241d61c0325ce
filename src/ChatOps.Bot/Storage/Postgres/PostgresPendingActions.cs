using ChatOps.Commands.Actions;

namespace ChatOps.Bot.Storage.Postgres;

/// <summary>
/// Pending confirmations in PostgreSQL. Each transition is one compare-and-set
/// (<c>UPDATE … WHERE state = @expected</c>), so across every instance exactly one request moves an
/// action on. Moving one to Running records this instance, so only an action whose instance is
/// gone is ever reported interrupted. Expiry is judged by the database's clock against the
/// <c>expires_at</c> column, kept in step with the body by every write, so every instance agrees.
/// </summary>
internal sealed class PostgresPendingActions(PostgresStore store) : IPendingActions
{
    /// <summary>SQL for "still waits for a decision", the condition the partial index <c>chatops_pending_waiting</c> is built on.</summary>
    private const string Waiting = $"state IN ('{nameof(PendingActionState.AwaitingConfirmation)}', '{nameof(PendingActionState.AwaitingApproval)}')";

    public Task AddAsync(PendingAction action, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var add = store.Command(c, "INSERT INTO chatops_pending (id, state, created_at, expires_at, body) VALUES (@id, @state, @created, @expires, @body)");
            add.Parameters.AddWithValue("id", action.Id);
            add.Parameters.AddWithValue("state", action.State.ToString());
            add.Parameters.AddWithValue("created", action.CreatedAt.UtcDateTime);
            add.Parameters.AddWithValue("expires", action.ExpiresAt.UtcDateTime);
            add.Parameters.AddWithValue("body", PostgresJson.Write(action));
            return await add.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public Task<PendingAction?> GetAsync(string id, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var get = store.Command(c, "SELECT body FROM chatops_pending WHERE id = @id");
            get.Parameters.AddWithValue("id", id);
            return await get.ExecuteScalarAsync(ct) is string body ? PostgresJson.Read<PendingAction>(body) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<PendingAction>> ListOrphanedAsync(CancellationToken cancellationToken) =>
        ListAsync($"""
            SELECT body FROM chatops_pending p
            WHERE p.state = 'Running' AND (p.owner IS NULL OR NOT {PostgresStore.Alive("p.owner")})
            ORDER BY p.created_at
            """, cancellationToken);

    public Task<IReadOnlyList<PendingAction>> ListWaitingAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT body FROM chatops_pending WHERE {Waiting} ORDER BY created_at", cancellationToken);

    public Task<IReadOnlyList<PendingAction>> ListExpiredAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT body FROM chatops_pending WHERE {Waiting} AND expires_at < now() ORDER BY created_at", cancellationToken);

    public Task<bool> TryTransitionAsync(string id, PendingActionState expected, PendingAction updated, CancellationToken cancellationToken)
    {
        if (updated.Id != id)
        {
            return Task.FromResult(false);
        }

        return store.RunAsync(async (c, ct) =>
        {
            await using var move = store.Command(c, """
                UPDATE chatops_pending
                SET state = @state, body = @body, expires_at = @expires, owner = CASE WHEN @state = 'Running' THEN @me ELSE owner END
                WHERE id = @id AND state = @expected
                RETURNING id
                """);
            move.Parameters.AddWithValue("id", id);
            move.Parameters.AddWithValue("expected", expected.ToString());
            move.Parameters.AddWithValue("state", updated.State.ToString());
            move.Parameters.AddWithValue("expires", updated.ExpiresAt.UtcDateTime);
            move.Parameters.AddWithValue("body", PostgresJson.Write(updated));
            return await move.ExecuteScalarAsync(ct) is not null;
        }, cancellationToken);
    }

    private Task<IReadOnlyList<PendingAction>> ListAsync(string sql, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var list = store.Command(c, sql);
            var found = new List<PendingAction>();
            await using var rows = await list.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
            {
                found.Add(PostgresJson.Read<PendingAction>(rows.GetString(0)));
            }

            return (IReadOnlyList<PendingAction>)found;
        }, cancellationToken);
}
