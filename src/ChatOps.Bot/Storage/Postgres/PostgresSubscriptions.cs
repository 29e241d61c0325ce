using ChatOps.Commands.Subscriptions;

namespace ChatOps.Bot.Storage.Postgres;

/// <summary>Channel subscriptions in PostgreSQL, one row per topic and conversation, so every instance sees each add and removal at once.</summary>
internal sealed class PostgresSubscriptions(PostgresStore store) : ISubscriptions
{
    public Task<bool> AddAsync(Subscription subscription, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            // xmax is 0 on a row this statement inserted, and this transaction's id on one it updated.
            await using var add = store.Command(c, """
                INSERT INTO chatops_subscriptions (topic, conversation_id, body) VALUES (@topic, @conversation, @body)
                ON CONFLICT (topic, conversation_id) DO UPDATE SET body = excluded.body
                RETURNING xmax = 0
                """);
            add.Parameters.AddWithValue("topic", subscription.Topic);
            add.Parameters.AddWithValue("conversation", subscription.ConversationId);
            add.Parameters.AddWithValue("body", PostgresJson.Write(subscription));
            return (bool)(await add.ExecuteScalarAsync(ct))!;
        }, cancellationToken);

    public Task<bool> RemoveAsync(string conversationId, string topic, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var remove = store.Command(c, "DELETE FROM chatops_subscriptions WHERE topic = @topic AND conversation_id = @conversation");
            remove.Parameters.AddWithValue("topic", topic);
            remove.Parameters.AddWithValue("conversation", conversationId);
            return await remove.ExecuteNonQueryAsync(ct) > 0;
        }, cancellationToken);

    public Task<IReadOnlyList<Subscription>> ListAsync(string? topic, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var list = store.Command(c, "SELECT body FROM chatops_subscriptions WHERE @topic::text IS NULL OR topic = @topic ORDER BY topic, conversation_id");
            list.Parameters.Add(new("topic", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)topic ?? DBNull.Value });
            var found = new List<Subscription>();
            await using var rows = await list.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
            {
                found.Add(PostgresJson.Read<Subscription>(rows.GetString(0)));
            }

            return (IReadOnlyList<Subscription>)found;
        }, cancellationToken);
}
