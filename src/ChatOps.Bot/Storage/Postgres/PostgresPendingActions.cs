using ChatOps.Commands.Actions;
using Npgsql;

namespace ChatOps.Bot.Storage.Postgres;

/// <summary>
/// Pending confirmations in PostgreSQL. Each transition is one compare-and-set
/// (<c>UPDATE … WHERE state = @expected</c>), so across every instance exactly one request moves an
/// action on. Starting one records this instance as its owner and its deadline (<c>execute_by</c>) on
/// the database's clock; the deadline lives in its column, which every read puts back into the action.
/// Only an action whose instance is gone and whose deadline (and the nodes' clock margin) has passed is
/// ever reported interrupted, and never by the instance that started it. Expiry is judged by the
/// database's clock against the <c>expires_at</c> column, kept in step with the body by every write.
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

    public async Task<PendingAction?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync("SELECT body, execute_by FROM chatops_pending WHERE id = @id", cancellationToken, ("id", id))).SingleOrDefault();

    public Task<IReadOnlyList<PendingAction>> ListOrphanedAsync(TimeSpan nodeClockMargin, CancellationToken cancellationToken) =>
        ListAsync($"""
            SELECT body, execute_by FROM chatops_pending p
            WHERE p.state = 'Running' AND p.owner IS DISTINCT FROM @me
              AND (p.owner IS NULL OR NOT {PostgresStore.Alive("p.owner")})
              AND (p.execute_by IS NULL OR p.execute_by + @margin < now())
            ORDER BY p.created_at
            """, cancellationToken, ("margin", nodeClockMargin));

    public Task<IReadOnlyList<PendingAction>> ListWaitingAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT body, execute_by FROM chatops_pending WHERE {Waiting} ORDER BY created_at", cancellationToken);

    public Task<IReadOnlyList<PendingAction>> ListExpiredAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT body, execute_by FROM chatops_pending WHERE {Waiting} AND expires_at < now() ORDER BY created_at", cancellationToken);

    public Task<bool> TryTransitionAsync(string id, PendingActionState expected, PendingAction updated, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(updated.State, PendingActionState.Running);
        if (updated.Id != id)
        {
            return Task.FromResult(false);
        }

        return store.RunAsync(async (c, ct) =>
        {
            await using var move = store.Command(c, """
                UPDATE chatops_pending SET state = @state, body = @body, expires_at = @expires
                WHERE id = @id AND state = @expected
                RETURNING id
                """);
            Bind(move, id, expected, updated);
            return await move.ExecuteScalarAsync(ct) is not null;
        }, cancellationToken);
    }

    public Task<PendingAction?> TryStartAsync(string id, PendingActionState expected, PendingAction running, TimeSpan executeTimeout, CancellationToken cancellationToken)
    {
        if (running.Id != id || running.State != PendingActionState.Running)
        {
            return Task.FromResult<PendingAction?>(null);
        }

        return store.RunAsync(async (c, ct) =>
        {
            await using var start = store.Command(c, """
                UPDATE chatops_pending SET state = @state, body = @body, expires_at = @expires, owner = @me, execute_by = now() + @timeout
                WHERE id = @id AND state = @expected
                RETURNING execute_by
                """);
            Bind(start, id, expected, running);
            start.Parameters.AddWithValue("timeout", executeTimeout);
            await using var row = await start.ExecuteReaderAsync(ct);
            return await row.ReadAsync(ct) ? running with { ExecuteBy = row.GetFieldValue<DateTimeOffset>(0) } : null;
        }, cancellationToken);
    }

    public Task<bool> StillOwnsAsync(string id, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var owns = store.Command(c, "SELECT EXISTS (SELECT 1 FROM chatops_pending WHERE id = @id AND state = 'Running' AND owner = @me AND execute_by > now())");
            owns.Parameters.AddWithValue("id", id);
            return (bool)(await owns.ExecuteScalarAsync(ct))!;
        }, cancellationToken);

    private static void Bind(NpgsqlCommand command, string id, PendingActionState expected, PendingAction updated)
    {
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("expected", expected.ToString());
        command.Parameters.AddWithValue("state", updated.State.ToString());
        command.Parameters.AddWithValue("expires", updated.ExpiresAt.UtcDateTime);
        command.Parameters.AddWithValue("body", PostgresJson.Write(updated));
    }

    /// <summary>The actions a query finds (<c>body, execute_by</c>), each with its deadline from its column.</summary>
    private Task<IReadOnlyList<PendingAction>> ListAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var list = store.Command(c, sql);
            foreach (var (name, value) in parameters)
            {
                list.Parameters.AddWithValue(name, value);
            }

            var found = new List<PendingAction>();
            await using var rows = await list.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
            {
                var action = PostgresJson.Read<PendingAction>(rows.GetString(0));
                found.Add(rows.IsDBNull(1) ? action : action with { ExecuteBy = rows.GetFieldValue<DateTimeOffset>(1) });
            }

            return (IReadOnlyList<PendingAction>)found;
        }, cancellationToken);
}
