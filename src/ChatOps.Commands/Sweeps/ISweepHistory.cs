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
}
