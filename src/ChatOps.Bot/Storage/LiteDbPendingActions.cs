using ChatOps.Commands.Actions;
using LiteDB;

namespace ChatOps.Bot.Storage;

/// <summary>
/// Pending confirmations in LiteDB; transitions are compare-and-set, so each is used once. A Running
/// one names the process that runs it. The file is open in one process at a time, so this process's
/// clock is the store's: expiry is judged by <paramref name="time"/>.
/// </summary>
internal sealed class LiteDbPendingActions(LiteDbStore store, TimeProvider time) : IPendingActions
{
    public const string Collection = "pending";

    private ILiteCollection<PendingDocument> Actions => store.Database.GetCollection<PendingDocument>(Collection);

    public Task AddAsync(PendingAction action, CancellationToken cancellationToken)
    {
        Actions.Insert(new PendingDocument { Id = action.Id, Action = action });
        return Task.CompletedTask;
    }

    public Task<PendingAction?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(Actions.FindById(id)?.Action);

    // The state lives inside the embedded document; the collection holds only live confirmations and their recent past.
    // The file is open in one process at a time, so one an earlier process started is gone with that process, and
    // cannot call a node again: it is listed at once, without waiting for its deadline.
    public Task<IReadOnlyList<PendingAction>> ListOrphanedAsync(TimeSpan nodeClockMargin, CancellationToken cancellationToken) => Listed(() =>
        Actions.Find(Query.EQ("Action.State", nameof(PendingActionState.Running)))
            .Where(d => d.Owner != store.Instance)
            .Select(d => d.Action).OrderBy(a => a.CreatedAt).ToList());

    public Task<IReadOnlyList<PendingAction>> ListWaitingAsync(CancellationToken cancellationToken) => Listed(() => Waiting().ToList());

    public Task<IReadOnlyList<PendingAction>> ListExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Listed(() => Waiting().Where(a => now > a.ExpiresAt).ToList());
    }

    public Task<bool> TryTransitionAsync(string id, PendingActionState expected, PendingAction updated, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(updated.State, PendingActionState.Running);
        return Task.FromResult(Move(id, expected, updated, owner: null) is not null);
    }

    public Task<PendingAction?> TryStartAsync(string id, PendingActionState expected, PendingAction running, TimeSpan executeTimeout, CancellationToken cancellationToken) =>
        Task.FromResult(running.State == PendingActionState.Running
            ? Move(id, expected, running with { ExecuteBy = WholeMilliseconds(time.GetUtcNow() + executeTimeout) }, store.Instance)
            : null);

    public Task<bool> StillOwnsAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(Actions.FindById(id) is { Action.State: PendingActionState.Running } document
            && document.Owner == store.Instance
            && time.GetUtcNow() < document.Action.ExecuteBy);

    /// <summary>LiteDB keeps dates to the millisecond: the deadline handed back is the one read back later.</summary>
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));

    /// <summary>The compare-and-set: the action as stored, or null when it is not in <paramref name="expected"/>; a start records <paramref name="owner"/>.</summary>
    private PendingAction? Move(string id, PendingActionState expected, PendingAction updated, string? owner)
    {
        lock (store.Gate)
        {
            var current = Actions.FindById(id);
            if (current is null || current.Action.State != expected || updated.Id != id)
            {
                return null;
            }

            return Actions.Update(new PendingDocument { Id = id, Action = updated, Owner = owner ?? current.Owner }) ? updated : null;
        }
    }

    /// <summary>
    /// The lists the pending-action watch reads at start, before anything else reads the file: one that
    /// fails there is damaged, and start-up stops with one line naming it rather than a stack trace.
    /// </summary>
    private Task<IReadOnlyList<PendingAction>> Listed(Func<List<PendingAction>> read)
    {
        try
        {
            return Task.FromResult<IReadOnlyList<PendingAction>>(read());
        }
        catch (Exception ex) when (ex is not (ObjectDisposedException or OperationCanceledException))
        {
            throw store.Damaged(ex);
        }
    }

    /// <summary>Actions still waiting for a decision, oldest first.</summary>
    private IEnumerable<PendingAction> Waiting() =>
        Actions.Find(Query.In("Action.State", nameof(PendingActionState.AwaitingConfirmation), nameof(PendingActionState.AwaitingApproval)))
            .Select(d => d.Action).OrderBy(a => a.CreatedAt);

    /// <summary>Storage shape keyed by the pending id.</summary>
    internal sealed class PendingDocument
    {
        public string Id { get; set; } = string.Empty;

        public PendingAction Action { get; set; } = null!;

        /// <summary>The process that moved it to Running (null: never ran, or stored before owners were).</summary>
        public string? Owner { get; set; }
    }
}
