using ChatOps.Commands.Replies;
using ChatOps.Commands.Subscriptions;

namespace ChatOps.Commands.Sweeps;

/// <summary>
/// Sweeps, builds the summary (new and cleared findings since the last summary) and posts it to
/// every subscribed conversation. The scheduled job and <c>summary now</c> both come here.
/// </summary>
public sealed class SummaryPublisher(SweepRunner runner, ISweepHistory history, IChannelPublisher publisher, Links links)
{
    /// <summary>Posts one summary to every subscriber; a failed post never stops the others.</summary>
    public async Task<PublishResult> PublishAsync(CancellationToken cancellationToken)
    {
        var latest = await runner.RunAsync(cancellationToken);
        var previousId = await history.LastSummarizedAsync(cancellationToken);
        var previous = previousId is null ? null : await history.GetAsync(previousId, cancellationToken);
        var result = await publisher.PublishAsync(Topics.Summaries, SweepReplies.Summary(latest, previous, links), cancellationToken);
        await history.MarkSummarizedAsync(latest.Id, cancellationToken);
        return result;
    }
}
