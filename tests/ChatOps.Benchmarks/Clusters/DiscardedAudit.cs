using ChatOps.Commands.Actions;

namespace ChatOps.Benchmarks.Clusters;

/// <summary>An audit log that keeps nothing: the benchmarks measure reads.</summary>
internal sealed class DiscardedAudit : IAuditLog
{
    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<AuditRecord>> LatestAsync(int count, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<AuditRecord>>([]);

    public async IAsyncEnumerable<AuditRecord> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }
}
