using ChatOps.Commands.Sweeps;

namespace ChatOps.Bot.Storage.Postgres;

/// <summary>Stored sweeps in PostgreSQL, indexed by time for drift and pruning, and the mark of the last summarized sweep.</summary>
internal sealed class PostgresSweepHistory(PostgresStore store) : ISweepHistory
{
    private const string SummaryMark = "channel-summary";

    public Task AddAsync(SweepRecord sweep, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var add = store.Command(c, "INSERT INTO chatops_sweeps (id, ticks, body) VALUES (@id, @ticks, @body)");
            add.Parameters.AddWithValue("id", sweep.Id);
            add.Parameters.AddWithValue("ticks", sweep.Time.UtcTicks);
            add.Parameters.AddWithValue("body", PostgresJson.Write(sweep));
            return await add.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public async Task<SweepRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT body FROM chatops_sweeps WHERE id = @id", ("id", id), cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<SweepRecord>> LatestAsync(int count, CancellationToken cancellationToken) =>
        ReadAsync("SELECT body FROM chatops_sweeps ORDER BY ticks DESC LIMIT @count", ("count", count), cancellationToken);

    public async Task<SweepRecord?> AtOrBeforeAsync(DateTimeOffset time, CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT body FROM chatops_sweeps WHERE ticks <= @ticks ORDER BY ticks DESC LIMIT 1", ("ticks", time.UtcTicks), cancellationToken)).FirstOrDefault();

    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var prune = store.Command(c, "DELETE FROM chatops_sweeps WHERE ticks < @ticks");
            prune.Parameters.AddWithValue("ticks", cutoff.UtcTicks);
            return await prune.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public Task<string?> LastSummarizedAsync(CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var read = store.Command(c, "SELECT sweep_id FROM chatops_marks WHERE name = @name");
            read.Parameters.AddWithValue("name", SummaryMark);
            return await read.ExecuteScalarAsync(ct) as string;
        }, cancellationToken);

    public Task MarkSummarizedAsync(string sweepId, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var mark = store.Command(c, "INSERT INTO chatops_marks (name, sweep_id) VALUES (@name, @sweep) ON CONFLICT (name) DO UPDATE SET sweep_id = excluded.sweep_id");
            mark.Parameters.AddWithValue("name", SummaryMark);
            mark.Parameters.AddWithValue("sweep", sweepId);
            return await mark.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    private Task<IReadOnlyList<SweepRecord>> ReadAsync<T>(string sql, (string Name, T Value) parameter, CancellationToken cancellationToken) =>
        store.RunAsync(async (c, ct) =>
        {
            await using var read = store.Command(c, sql);
            read.Parameters.AddWithValue(parameter.Name, parameter.Value!);
            var found = new List<SweepRecord>();
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
            {
                found.Add(PostgresJson.Read<SweepRecord>(rows.GetString(0)));
            }

            return (IReadOnlyList<SweepRecord>)found;
        }, cancellationToken);
}
