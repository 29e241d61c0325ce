namespace ChatOps.Bot.Storage.Postgres;

/// <summary>
/// At start: migrates the schema (stopping start-up if that fails), then records this instance
/// as alive and keeps checking in every fifth of the lease until it stops, when it removes itself
/// so the others take over its unfinished activities at once rather than after the lease.
/// Instances gone for a day are forgotten.
/// </summary>
internal sealed partial class PostgresInstance(PostgresStore store, ILogger<PostgresInstance> logger) : IHostedService
{
    // Never disposed: the host may stop a service after disposing it, and a token source with no timer holds nothing.
    private readonly CancellationTokenSource _stopping = new();
    private Task _checkIns = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<int> applied;
        try
        {
            applied = await PostgresSchema.MigrateAsync(store, cancellationToken);
        }
        catch (Commands.StateUnavailableException ex)
        {
            throw new Hosting.StartupException($"The state database cannot be reached to check its schema ({ex.Reason}). Start the service once it answers.", ex);
        }

        if (applied.Count > 0)
        {
            LogMigrated(store.Where, string.Join(", ", applied), PostgresSchema.Latest);
        }

        await CheckInAsync(cancellationToken);
        _checkIns = CheckInEveryAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _checkIns;
        try
        {
            await store.RunAsync(async (c, ct) =>
            {
                await using var leave = store.Command(c, "DELETE FROM chatops_instances WHERE id = @me");
                return await leave.ExecuteNonQueryAsync(ct);
            }, cancellationToken);
        }
        catch (Commands.StateUnavailableException ex)
        {
            LogLeaveFailed(ex.Reason);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout ran out (a job that would not stop): the lease ends it instead.
            LogLeaveFailed("the service's shutdown timeout ran out first");
        }
    }

    private Task<int> CheckInAsync(CancellationToken cancellationToken) => store.RunAsync(async (c, ct) =>
    {
        await using var checkIn = store.Command(c, """
            INSERT INTO chatops_instances (id) VALUES (@me) ON CONFLICT (id) DO UPDATE SET seen_at = now();
            DELETE FROM chatops_instances WHERE seen_at < now() - interval '1 day';
            """);
        return await checkIn.ExecuteNonQueryAsync(ct);
    }, cancellationToken);

    private async Task CheckInEveryAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(store.Lease / 5);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await CheckInAsync(cancellationToken);
                }
                catch (Commands.StateUnavailableException ex)
                {
                    LogCheckInFailed(ex.Reason);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrated the state database {Where}: applied version(s) {Versions}; it is now at {Latest}")]
    private partial void LogMigrated(string where, string versions, int latest);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance could not check in with the state database: {Reason}. Past the lease the other instances take it for stopped")]
    private partial void LogCheckInFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance could not remove itself from the state database: {Reason}; the others take it for stopped once its lease runs out")]
    private partial void LogLeaveFailed(string reason);
}
