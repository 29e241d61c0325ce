using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Bot.Storage.Postgres;

/// <summary><c>/readyz</c>: the state database answers a read within 2 s, and says how many instances are alive.</summary>
internal sealed class PostgresReadinessCheck(PostgresStore store) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(Limit);
            var alive = await store.RunAsync(async (c, ct) =>
            {
                await using var count = store.Command(c, $"SELECT count(*) FROM chatops_instances i WHERE {PostgresStore.Alive("i.id")}");
                return (long)(await count.ExecuteScalarAsync(ct))!;
            }, limit.Token);
            return HealthCheckResult.Healthy($"{store.Where}: {alive} instance(s) alive");
        }
        catch (Exception ex) when (ex is Commands.StateUnavailableException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(ex is Commands.StateUnavailableException down ? down.Reason : $"{store.Where} did not answer a read within {Limit.TotalSeconds:0} s");
        }
    }
}
