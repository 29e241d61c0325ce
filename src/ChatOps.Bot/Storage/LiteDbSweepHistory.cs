using JsonSerializer = System.Text.Json.JsonSerializer;
using ChatOps.Commands.Sweeps;
using LiteDB;

namespace ChatOps.Bot.Storage;

/// <summary>
/// Stored sweeps in LiteDB, indexed by time for drift and pruning. The sweep itself is kept as JSON:
/// its records are immutable and LiteDB's mapper needs settable classes.
/// </summary>
internal sealed class LiteDbSweepHistory(LiteDbStore store) : ISweepHistory
{
    public const string Collection = "sweeps";

    public const string MarksCollection = "sweep_marks";

    private ILiteCollection<SweepDocument> Sweeps
    {
        get
        {
            var collection = store.Database.GetCollection<SweepDocument>(Collection);
            collection.EnsureIndex(d => d.Ticks);
            return collection;
        }
    }

    private const string SummaryMark = "channel-summary";

    private ILiteCollection<MarkDocument> Marks => store.Database.GetCollection<MarkDocument>(MarksCollection);

    public Task AddAsync(SweepRecord sweep, CancellationToken cancellationToken)
    {
        Sweeps.Insert(new SweepDocument { Id = sweep.Id, Ticks = sweep.Time.UtcTicks, Json = JsonSerializer.Serialize(sweep) });
        return Task.CompletedTask;
    }

    public Task<SweepRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(Sweeps.FindById(id)?.Read());

    public Task<IReadOnlyList<SweepRecord>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        IReadOnlyList<SweepRecord> latest = Sweeps.Query().OrderByDescending(d => d.Ticks).Limit(count).ToList().Select(d => d.Read()).ToList();
        return Task.FromResult(latest);
    }

    public Task<SweepRecord?> AtOrBeforeAsync(DateTimeOffset time, CancellationToken cancellationToken)
    {
        var ticks = time.UtcTicks;
        return Task.FromResult(Sweeps.Query().Where(d => d.Ticks <= ticks).OrderByDescending(d => d.Ticks).FirstOrDefault()?.Read());
    }

    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var ticks = cutoff.UtcTicks;
        return Task.FromResult(Sweeps.DeleteMany(d => d.Ticks < ticks));
    }

    public Task<string?> LastSummarizedAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Marks.FindById(SummaryMark)?.SweepId);

    public Task MarkSummarizedAsync(string sweepId, CancellationToken cancellationToken)
    {
        Marks.Upsert(new MarkDocument { Id = SummaryMark, SweepId = sweepId });
        return Task.CompletedTask;
    }

    /// <summary>Which sweep a named event last used, e.g. the channel summary.</summary>
    internal sealed class MarkDocument
    {
        public string Id { get; set; } = string.Empty;

        public string SweepId { get; set; } = string.Empty;
    }

    /// <summary>Storage shape with a sortable time column.</summary>
    internal sealed class SweepDocument
    {
        public string Id { get; set; } = string.Empty;

        public long Ticks { get; set; }

        public string Json { get; set; } = string.Empty;

        public SweepRecord Read() => JsonSerializer.Deserialize<SweepRecord>(Json)
            ?? throw new InvalidDataException($"Sweep {Id} is stored empty.");
    }
}
