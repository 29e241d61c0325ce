using ChatOps.Bot.Hosting;
using Npgsql;

namespace ChatOps.Bot.Storage.Postgres;

/// <summary>
/// Versioned migrations of the state schema, applied at start in one transaction under a
/// transaction-scoped advisory lock: two instances starting at once apply each step once (the
/// second waits, then finds it done). A database whose schema is newer than this build stops
/// start-up with one line, so an old build never writes to a schema it does not know.
/// </summary>
internal static partial class PostgresSchema
{
    /// <summary>The advisory lock key every instance takes while migrating ("chatops" as bytes).</summary>
    private const long MigrationLock = 0x63686174_6f7073;

    /// <summary>
    /// Every step, in order; a step once released is never edited, only followed by another.
    /// The audit table is append-only by the schema itself: a trigger refuses UPDATE, DELETE and
    /// TRUNCATE for every role but a superuser's session that disables it, and the privileges to
    /// do them are revoked from the role that runs the service. Bodies are JSON kept as text, not
    /// jsonb, which refuses the escaped NUL a hostile message may carry.
    /// </summary>
    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> Steps =
    [
        (1, "state tables: instances, processed activities, pending actions, audit, subscriptions, sweeps", """
            CREATE TABLE chatops_instances (
                id text PRIMARY KEY,
                started_at timestamptz NOT NULL DEFAULT now(),
                seen_at timestamptz NOT NULL DEFAULT now());

            CREATE TABLE chatops_processed (
                key text PRIMARY KEY,
                at timestamptz NOT NULL,
                owner text,
                finished boolean NOT NULL DEFAULT false,
                answer_status integer,
                answer_body text);
            CREATE INDEX chatops_processed_at ON chatops_processed (at);

            CREATE TABLE chatops_pending (
                id text PRIMARY KEY,
                state text NOT NULL,
                owner text,
                created_at timestamptz NOT NULL,
                body text NOT NULL);
            CREATE INDEX chatops_pending_running ON chatops_pending (created_at) WHERE state = 'Running';

            CREATE TABLE chatops_audit (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at timestamptz NOT NULL,
                body text NOT NULL);

            CREATE FUNCTION chatops_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'chatops_audit is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER chatops_audit_append_only BEFORE UPDATE OR DELETE ON chatops_audit
                FOR EACH ROW EXECUTE FUNCTION chatops_audit_is_append_only();
            CREATE TRIGGER chatops_audit_no_truncate BEFORE TRUNCATE ON chatops_audit
                FOR EACH STATEMENT EXECUTE FUNCTION chatops_audit_is_append_only();
            REVOKE UPDATE, DELETE, TRUNCATE ON chatops_audit FROM PUBLIC, CURRENT_USER;

            CREATE TABLE chatops_subscriptions (
                topic text NOT NULL,
                conversation_id text NOT NULL,
                body text NOT NULL,
                PRIMARY KEY (topic, conversation_id));

            CREATE TABLE chatops_sweeps (
                id text PRIMARY KEY,
                ticks bigint NOT NULL,
                body text NOT NULL);
            CREATE INDEX chatops_sweeps_ticks ON chatops_sweeps (ticks);

            CREATE TABLE chatops_marks (
                name text PRIMARY KEY,
                sweep_id text NOT NULL);
            """),
        // Expiry is compared with the database's now(), so it needs a column: PostgreSQL's json
        // operators refuse a whole body that carries an escaped NUL anywhere (a hostile command
        // text), even to read another field. Rows written before are filled from their body's text.
        (2, "pending actions: expires_at, and an index of those still waiting", """
            ALTER TABLE chatops_pending ADD COLUMN expires_at timestamptz;
            UPDATE chatops_pending SET expires_at = substring(body FROM '"ExpiresAt":"([^"]+)"')::timestamptz;
            ALTER TABLE chatops_pending ALTER COLUMN expires_at SET NOT NULL;
            CREATE INDEX chatops_pending_waiting ON chatops_pending (created_at) WHERE state IN ('AwaitingConfirmation', 'AwaitingApproval');
            """),
        (3, "personal chats, one per person", """
            CREATE TABLE chatops_personal_chats (
                person_id text PRIMARY KEY,
                since timestamptz NOT NULL,
                body text NOT NULL);
            """),
        (4, "processed activities keep the activity until its turn finishes, and count the processes that took it on", """
            ALTER TABLE chatops_processed ADD COLUMN stored text, ADD COLUMN attempts integer NOT NULL DEFAULT 0;
            CREATE INDEX chatops_processed_unfinished ON chatops_processed (at) WHERE NOT finished AND stored IS NOT NULL;
            """),
        (5, "running actions carry the deadline for their node calls, set on the database's clock", """
            ALTER TABLE chatops_pending ADD COLUMN execute_by timestamptz;
            """),
    ];

    /// <summary>The newest version this build knows.</summary>
    public static int Latest => Steps[^1].Version;

    /// <summary>Applies the steps the database lacks; returns the versions applied (empty when it was current).</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(PostgresStore store, CancellationToken cancellationToken) =>
        await store.RunAsync(async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", ct);
            await Execute(connection, transaction, """
                CREATE TABLE IF NOT EXISTS chatops_schema (
                    version integer PRIMARY KEY,
                    description text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    applied_by text NOT NULL)
                """, ct);
            int current;
            await using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM chatops_schema", connection, transaction))
            {
                current = (int)(await read.ExecuteScalarAsync(ct))!;
            }

            if (current > Latest)
            {
                throw new StartupException(
                    $"The state database {store.Where} has schema version {current}, newer than this build's {Latest}: " +
                    "a newer ChatOps has migrated it. Run that version (or newer) here too; nothing was changed.");
            }

            var applied = new List<int>();
            foreach (var (version, description, sql) in Steps.Where(s => s.Version > current))
            {
                await Execute(connection, transaction, sql, ct);
                await using var record = new NpgsqlCommand("INSERT INTO chatops_schema (version, description, applied_by) VALUES (@v, @d, @by)", connection, transaction);
                record.Parameters.AddWithValue("v", version);
                record.Parameters.AddWithValue("d", description);
                record.Parameters.AddWithValue("by", store.Instance);
                await record.ExecuteNonQueryAsync(ct);
                applied.Add(version);
            }

            await transaction.CommitAsync(ct);
            return (IReadOnlyList<int>)applied;
        }, cancellationToken);

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 60 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
