namespace ChatOps.Commands.Actions;

/// <summary>Append-only audit trail of action decisions.</summary>
public interface IAuditLog
{
    /// <summary>Appends one record.</summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>The newest records, newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> LatestAsync(int count, CancellationToken cancellationToken);

    /// <summary>Every record, oldest first.</summary>
    IAsyncEnumerable<AuditRecord> AllAsync(CancellationToken cancellationToken);
}
