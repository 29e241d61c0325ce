using ChatOps.Commands.Actions.Approvals;

namespace ChatOps.Bot.Storage.Postgres;

/// <summary>
/// Personal chats in PostgreSQL, one row per person, shared by every instance. A chat seen later
/// replaces one seen earlier (<see cref="PersonalChat.Since"/>), whichever instance writes last, so a
/// slow write never brings back an old address.
/// </summary>
internal sealed class PostgresPersonalChats(PostgresStore store) : IPersonalChats
{
    public Task RememberAsync(PersonalChat chat, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var remember = store.Command(c, """
                INSERT INTO chatops_personal_chats (person_id, since, body) VALUES (@person, @since, @body)
                ON CONFLICT (person_id) DO UPDATE SET since = excluded.since, body = excluded.body
                WHERE chatops_personal_chats.since <= excluded.since
                """);
            remember.Parameters.AddWithValue("person", chat.PersonId);
            remember.Parameters.AddWithValue("since", chat.Since.UtcDateTime);
            remember.Parameters.AddWithValue("body", PostgresJson.Write(chat));
            return await remember.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public Task<PersonalChat?> FindAsync(string personId, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var find = store.Command(c, "SELECT body FROM chatops_personal_chats WHERE person_id = @person");
            find.Parameters.AddWithValue("person", personId);
            return await find.ExecuteScalarAsync(ct) is string body ? PostgresJson.Read<PersonalChat>(body) : null;
        }, cancellationToken);
}
