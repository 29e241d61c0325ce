using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Bot.Storage;

/// <summary>
/// <c>/readyz</c>: the state database answers a read within 2 s. A file that became unreadable, or
/// a lock held elsewhere, makes the service unready instead of every request waiting on it.
/// </summary>
internal sealed class StorageReadinessCheck(LiteDbStore store) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private Task<int>? _read;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // One read at a time: while the file is held elsewhere, probes wait on the same read instead of each parking a thread.
            Task<int> read;
            lock (_gate)
            {
                read = _read is { IsCompleted: false } pending ? pending : _read = Task.Run(() => store.Database.GetCollectionNames().Count(), CancellationToken.None);
            }

            var collections = await read.WaitAsync(Limit, cancellationToken);
            return HealthCheckResult.Healthy($"{collections} collections in {store.FullPath}");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{store.FullPath} did not answer a read within {Limit.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"{store.FullPath} cannot be read: {ex.Message}");
        }
    }
}
