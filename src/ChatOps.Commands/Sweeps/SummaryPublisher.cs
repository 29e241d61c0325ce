using ChatOps.Commands.Replies;
using ChatOps.Commands.Schedules;
using ChatOps.Commands.Subscriptions;

namespace ChatOps.Commands.Sweeps;

/// <summary>
/// Sweeps, builds the summary (new and cleared findings since the last summary) and posts it to
/// every subscribed conversation. The scheduled job and <c>summary now</c> both come here.
/// </summary>
public sealed class SummaryPublisher(SweepRunner runner, ISweepHistory history, IChannelPublisher publisher, Links links)
{
    /// <summary>
    /// Posts one summary to every subscriber; a failed post never stops the others. For a scheduled
    /// <paramref name="fire"/>, a subscriber is posted to once per fire, however many runs it has
    /// (a run recovered from a dead instance posts only to those the first did not reach).
    /// </summary>
    public async Task<PublishResult> PublishAsync(ScheduledFire? fire, CancellationToken cancellationToken)
    {
        var latest = await runner.RunAsync(cancellationToken);
        var previousId = await history.LastSummarizedAsync(cancellationToken);
        var previous = previousId is null ? null : await history.GetAsync(previousId, cancellationToken);
        var result = await publisher.PublishAsync(Topics.Summaries, SweepReplies.Summary(latest, previous, links), fire?.Id, cancellationToken);
        await history.MarkSummarizedAsync(latest.Id, cancellationToken);
        return result;
    }
}
