using ChatOps.Commands.Sweeps;

namespace ChatOps.Commands.Tests.Fakes;

/// <summary>Sweeps kept in a list, newest last.</summary>
internal sealed class MemorySweepHistory : ISweepHistory
{
    private readonly List<SweepRecord> _sweeps = [];
    private string? _summarized;

    public Task AddAsync(SweepRecord sweep, CancellationToken cancellationToken)
    {
        _sweeps.Add(sweep);
        return Task.CompletedTask;
    }

    public Task<SweepRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_sweeps.FirstOrDefault(s => s.Id == id));

    public Task<IReadOnlyList<SweepRecord>> LatestAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SweepRecord>>(_sweeps.OrderByDescending(s => s.Time).Take(count).ToList());

    public Task<SweepRecord?> AtOrBeforeAsync(DateTimeOffset time, CancellationToken cancellationToken) =>
        Task.FromResult(_sweeps.Where(s => s.Time <= time).MaxBy(s => s.Time));

    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Task.FromResult(_sweeps.RemoveAll(s => s.Time < cutoff));

    public Task<string?> LastSummarizedAsync(CancellationToken cancellationToken) => Task.FromResult(_summarized);

    public Task MarkSummarizedAsync(string sweepId, CancellationToken cancellationToken)
    {
        _summarized = sweepId;
        return Task.CompletedTask;
    }
}
