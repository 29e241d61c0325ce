using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Bot.Storage.Postgres;

/// <summary>
/// <c>/readyz</c>: the state database answers a read within 2 s, says how many instances are alive, and
/// this instance's clock is within <see cref="MaxClockSkew"/> of the database's. Leases, action deadlines and
/// the expiry the watch applies are judged by the database's clock; the clustered scheduler's check-ins and a
/// press's expiry check by each instance's own, so an instance whose clock is off by more is not ready.
/// </summary>
internal sealed class PostgresReadinessCheck(PostgresStore store, TimeProvider time) : IHealthCheck
{
    /// <summary>
    /// How far an instance's clock may be from the database's: well inside the 7.5 s by which Quartz's clustered
    /// check-in takes a peer for dead when its own clock runs ahead, and a few seconds on a two-minute confirmation.
    /// </summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(Limit);
            var (alive, skew) = await store.RunAsync(async (c, ct) =>
            {
                await using var read = store.Command(c, $"SELECT count(*), now() FROM chatops_instances i WHERE {PostgresStore.Alive("i.id")}");
                var before = time.GetUtcNow();
                await using var row = await read.ExecuteReaderAsync(ct);
                await row.ReadAsync(ct);
                var after = time.GetUtcNow();
                // The database's now() fell somewhere in the round trip: compared with its middle.
                return (row.GetInt64(0), before + ((after - before) / 2) - row.GetFieldValue<DateTimeOffset>(1));
            }, limit.Token);
            var where = $"{store.Where}: {alive} instance(s) alive";
            return skew.Duration() > MaxClockSkew
                ? HealthCheckResult.Unhealthy($"{where}; this instance's clock is {skew.Duration().TotalSeconds:N1} s {(skew > TimeSpan.Zero ? "ahead of" : "behind")} the database's, more than the {MaxClockSkew.TotalSeconds:N0} s the shared schedule and confirmations allow: sync it (w32tm /resync, chrony)")
                : HealthCheckResult.Healthy(where);
        }
        catch (Exception ex) when (ex is Commands.StateUnavailableException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(ex is Commands.StateUnavailableException down ? down.Reason : $"{store.Where} did not answer a read within {Limit.TotalSeconds:0} s");
        }
    }
}
