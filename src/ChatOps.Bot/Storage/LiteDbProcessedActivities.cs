using ChatOps.Commands.Actions;
using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Storage;

/// <summary>Processed activity ids in LiteDB, so Teams' redeliveries are ignored across restarts.</summary>
internal sealed class LiteDbProcessedActivities(LiteDbStore store, IOptions<StorageOptions> options) : IProcessedActivities
{
    private ILiteCollection<ProcessedDocument> Seen => store.Database.GetCollection<ProcessedDocument>("processed");

    public Task<bool> TryClaimAsync(string activityId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        activityId = Key(activityId);
        lock (store.Gate)
        {
            if (Seen.FindById(activityId) is not null)
            {
                return Task.FromResult(false);
            }

            Seen.Insert(new ProcessedDocument { Id = activityId, At = now.UtcDateTime });
            var cutoff = now.UtcDateTime - options.Value.ProcessedActivityRetention;
            if (Seen.Count() % 256 == 0)
            {
                Seen.DeleteMany(d => d.At < cutoff);
            }

            return Task.FromResult(true);
        }
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
    }
}
