using System.Runtime.CompilerServices;
using ChatOps.Commands.Actions;

namespace ChatOps.Commands.Tests.Fakes;

/// <summary>An audit log kept in a list, so tests can read what was recorded.</summary>
internal sealed class MemoryAuditLog : IAuditLog
{
    private readonly List<AuditRecord> _records = [];

    public IReadOnlyList<AuditRecord> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    /// <summary>While set, every call fails as a store that does not answer does.</summary>
    public bool Down { get; set; }

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        StoreDown.ThrowIf(Down);
        lock (_records)
        {
            _records.Add(record);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditRecord>> LatestAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditRecord>>(Records.Reverse().Take(count).ToList());

    public async IAsyncEnumerable<AuditRecord> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var record in Records)
        {
            yield return record;
        }

        await Task.CompletedTask;
    }
}
