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

    /// <summary>Storage shape keyed by activity id.</summary>
    internal sealed class ProcessedDocument
    {
        public string Id { get; set; } = string.Empty;

        public DateTime At { get; set; }
    }
}
