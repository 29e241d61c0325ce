using ChatOps.Commands.Actions;
using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Storage;

/// <summary>
/// Processed activity ids in LiteDB, so Teams' redeliveries are handled once across restarts. A
/// claim names the process that took it (a random id per start): one left unfinished by an
/// earlier process was cut off by a crash, and its redelivery is handled again.
/// </summary>
internal sealed class LiteDbProcessedActivities(LiteDbStore store, IOptions<StorageOptions> options) : IProcessedActivities
{
    /// <summary>An answer bigger than a Teams card cannot be is not kept (the redelivery then gets "already handled").</summary>
    private const int MaxAnswerChars = 64 * 1024;

    private readonly string _process = Guid.NewGuid().ToString("N");
    private int _claims;

    private ILiteCollection<ProcessedDocument> Seen => store.Database.GetCollection<ProcessedDocument>("processed");

    public Task<ActivityClaim> TryClaimAsync(string activityKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = Key(activityKey);
        lock (store.Gate)
        {
            var seen = Seen.FindById(key);
            // A document without an owner predates owners: it was handled to the end.
            if (seen is not null && (seen.Finished || seen.Owner is null || seen.Owner == _process))
            {
                var answer = seen.AnswerBody is null ? null : new StoredAnswer(seen.AnswerStatus, seen.AnswerBody);
                return Task.FromResult(new ActivityClaim(false, seen.Finished || seen.Owner is null, answer));
            }

            Seen.Upsert(new ProcessedDocument { Id = key, At = now.UtcDateTime, Owner = _process });

            // Counted here rather than with Count(), which walks the whole collection on every claim.
            if (++_claims % 256 == 1)
            {
                var cutoff = now.UtcDateTime - options.Value.ProcessedActivityRetention;
                Seen.DeleteMany(d => d.At < cutoff);
            }

            return Task.FromResult(new ActivityClaim(true, false, null));
        }
    }

    public Task FinishAsync(string activityKey, StoredAnswer? answer, CancellationToken cancellationToken)
    {
        var key = Key(activityKey);
        lock (store.Gate)
        {
            if (Seen.FindById(key) is { } seen)
            {
                seen.Finished = true;
                if (answer is { Body.Length: <= MaxAnswerChars })
                {
                    seen.AnswerStatus = answer.Status;
                    seen.AnswerBody = answer.Body;
                }

                Seen.Update(seen);
            }
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string activityKey, CancellationToken cancellationToken)
    {
        var key = Key(activityKey);
        lock (store.Gate)
        {
            if (Seen.FindById(key) is { Finished: false } seen && seen.Owner == _process)
            {
                Seen.Delete(key);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>LiteDB index keys hold at most 1,023 bytes: a longer id is kept as its SHA-256.</summary>
    private static string Key(string activityId) =>
        System.Text.Encoding.UTF8.GetByteCount(activityId) <= 512
            ? activityId
            : "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(activityId)));

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
    }
}
