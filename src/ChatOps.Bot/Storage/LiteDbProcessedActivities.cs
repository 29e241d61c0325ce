using ChatOps.Commands.Actions;
using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Storage;

/// <summary>
/// Processed activity ids in LiteDB, so Teams' redeliveries are handled once across restarts. A
/// claim names the process that took it (a random id per start) and keeps the activity until its
/// turn finishes: one left unfinished by an earlier process was cut off by a crash or a stop, and
/// the next start takes it over (or its redelivery does). Claims are on the path of every request
/// and a finish mark ends every turn, so one writer thread commits all the claims and marks waiting
/// at that moment in a single transaction (one log flush for many instead of one each).
/// </summary>
internal sealed class LiteDbProcessedActivities : IProcessedActivities, IDisposable
{
    private readonly LiteDbStore store;
    private readonly IOptions<StorageOptions> options;
    private readonly System.Collections.Concurrent.BlockingCollection<PendingWrite> _waiting = new();
    private readonly Thread _writer;

    public LiteDbProcessedActivities(LiteDbStore store, IOptions<StorageOptions> options)
    {
        this.store = store;
        this.options = options;
        lock (store.Gate)
        {
            Seen.EnsureIndex(d => d.Finished);
        }

        _writer = new Thread(WriteClaims) { IsBackground = true, Name = "ChatOps claims" };
        _writer.Start();
    }

    /// <summary>An answer bigger than a Teams card cannot be is not kept (the redelivery then gets "already handled").</summary>
    private const int MaxAnswerChars = 64 * 1024;

    private int _claims;

    public const string Collection = "processed";

    private ILiteCollection<ProcessedDocument> Seen => store.Database.GetCollection<ProcessedDocument>(Collection);

    public Task<ActivityClaim> TryClaimAsync(string activityKey, DateTimeOffset now, string? stored, CancellationToken cancellationToken)
    {
        var key = StoredKey.Of(activityKey);
        return WriteAsync(() => Claim(key, now.UtcDateTime, stored), cancellationToken);
    }

    public void Dispose()
    {
        _waiting.CompleteAdding();
        _writer.Join(TimeSpan.FromSeconds(5));
        _waiting.Dispose();
    }

    /// <summary>The writer: takes every claim waiting, decides them in one transaction, then answers them.</summary>
    private void WriteClaims()
    {
        var batch = new List<PendingWrite>();
        foreach (var first in _waiting.GetConsumingEnumerable())
        {
            batch.Clear();
            batch.Add(first);
            while (batch.Count < 256 && _waiting.TryTake(out var more))
            {
                batch.Add(more);
            }

            try
            {
                var answers = new ActivityClaim[batch.Count];
                lock (store.Gate)
                {
                    store.Database.BeginTrans();
                    try
                    {
                        for (var i = 0; i < batch.Count; i++)
                        {
                            answers[i] = batch[i].Apply();
                        }

                        store.Database.Commit();
                    }
                    catch
                    {
                        store.Database.Rollback();
                        throw;
                    }
                }

                // Answered only once committed: a claim is durable before its request goes on.
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.TrySetResult(answers[i]);
                }
            }
            catch (Exception ex)
            {
                foreach (var claim in batch)
                {
                    claim.Result.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>Queues a write for the writer thread; it completes once the transaction holding it is committed.</summary>
    private Task<ActivityClaim> WriteAsync(Func<ActivityClaim> apply, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(apply);
        _waiting.Add(write, cancellationToken);
        return write.Result.Task;
    }

    private ActivityClaim Claim(string key, DateTime at, string? stored)
    {
        var seen = Seen.FindById(key);
        // A document without an owner predates owners: it was handled to the end.
        if (seen is not null && (seen.Finished || seen.Owner is null || seen.Owner == store.Instance))
        {
            var answer = seen.AnswerBody is null ? null : new StoredAnswer(seen.AnswerStatus, seen.AnswerBody);
            return new ActivityClaim(false, seen.Finished || seen.Owner is null, answer);
        }

        // Taken over from a process that died: it keeps its first arrival, and counts one more attempt.
        Seen.Upsert(new ProcessedDocument
        {
            Id = key,
            At = seen?.At ?? at,
            Owner = store.Instance,
            Stored = stored ?? seen?.Stored,
            Attempts = (seen?.Attempts ?? 0) + 1,
        });

        // Counted here rather than with Count(), which walks the whole collection on every claim. One
        // still to be handled is kept whatever its age: taking it over finishes it (or says why not).
        if (++_claims % 256 == 1)
        {
            var cutoff = at - options.Value.ProcessedActivityRetention;
            Seen.DeleteMany(d => d.At < cutoff && (d.Finished || d.Stored == null));
        }

        return new ActivityClaim(true, false, null);
    }

    /// <summary>A claim or a finish mark waiting for the writer, and what it answered.</summary>
    private sealed record PendingWrite(Func<ActivityClaim> Apply)
    {
        public TaskCompletionSource<ActivityClaim> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public Task<IReadOnlyList<AbandonedActivity>> TakeOverAbandonedAsync(int max, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            // Only this process writes the file: whatever an earlier start left unfinished is abandoned.
            var abandoned = Seen.Find(d => d.Finished == false)
                .Where(d => d.Stored is not null && d.Owner is not null && d.Owner != store.Instance)
                .OrderBy(d => d.At)
                .Take(max)
                .ToList();
            foreach (var document in abandoned)
            {
                document.Owner = store.Instance;
                document.Attempts++;
                Seen.Update(document);
            }

            return Task.FromResult<IReadOnlyList<AbandonedActivity>>(
                [.. abandoned.Select(d => new AbandonedActivity(d.Id, new DateTimeOffset(d.At.ToUniversalTime(), TimeSpan.Zero), d.Stored!, d.Attempts))]);
        }
    }

    /// <summary>Marks it finished through the writer: a finish ends every turn, so it shares the claims' transactions and flushes.</summary>
    public Task FinishAsync(string activityKey, StoredAnswer? answer, CancellationToken cancellationToken)
    {
        var key = StoredKey.Of(activityKey);
        return WriteAsync(() =>
        {
            if (Seen.FindById(key) is { } seen)
            {
                seen.Finished = true;
                seen.Stored = null;
                if (answer is { Body.Length: <= MaxAnswerChars })
                {
                    seen.AnswerStatus = answer.Status;
                    seen.AnswerBody = answer.Body;
                }

                Seen.Update(seen);
            }

            return Finished;
        }, cancellationToken);
    }

    private static readonly ActivityClaim Finished = new(false, true, null);

    public Task ReleaseAsync(string activityKey, CancellationToken cancellationToken)
    {
        var key = StoredKey.Of(activityKey);
        lock (store.Gate)
        {
            if (Seen.FindById(key) is { Finished: false } seen && seen.Owner == store.Instance)
            {
                Seen.Delete(key);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Storage shape keyed by activity id.</summary>
    internal sealed class ProcessedDocument
    {
        public string Id { get; set; } = string.Empty;

        public DateTime At { get; set; }

        /// <summary>The process that took it on (null: before owners were recorded).</summary>
        public string? Owner { get; set; }

        public bool Finished { get; set; }

        public int AnswerStatus { get; set; }

        public string? AnswerBody { get; set; }

        /// <summary>What it takes to handle the activity again, until its turn finishes.</summary>
        public string? Stored { get; set; }

        /// <summary>Processes that took it on.</summary>
        public int Attempts { get; set; }
    }
}
