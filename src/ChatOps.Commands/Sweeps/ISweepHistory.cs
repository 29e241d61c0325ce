namespace ChatOps.Commands.Sweeps;

/// <summary>Stored sweeps, for drift and summaries.</summary>
public interface ISweepHistory
{
    /// <summary>Stores a sweep.</summary>
    Task AddAsync(SweepRecord sweep, CancellationToken cancellationToken);

    /// <summary>A sweep by id, or null.</summary>
    Task<SweepRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The newest sweeps, newest first.</summary>
    Task<IReadOnlyList<SweepRecord>> LatestAsync(int count, CancellationToken cancellationToken);

    /// <summary>The newest sweep at or before a time, or null.</summary>
    Task<SweepRecord?> AtOrBeforeAsync(DateTimeOffset time, CancellationToken cancellationToken);

    /// <summary>Deletes sweeps older than the cutoff; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>The sweep the last channel summary was made from, or null.</summary>
    Task<string?> LastSummarizedAsync(CancellationToken cancellationToken);

    /// <summary>Remembers the sweep a channel summary was made from, so the next one reports what is new since.</summary>
    Task MarkSummarizedAsync(string sweepId, CancellationToken cancellationToken);
}
