using ChatOps.Bot.Storage;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Subscriptions;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Hosting;

/// <summary>
/// At start, before any turn runs, and then once per instance lease: actions left Running by an
/// instance that is gone (this one's last run, or with PostgreSQL another instance that died)
/// become Interrupted (audited), and each conversation they were confirmed in is told its outcome
/// is unknown. The messages go out in the background so a slow connector does not hold start-up.
/// </summary>
internal sealed partial class InterruptedActionsReport(
    ActionConfirmations confirmations,
    IChannelPublisher publisher,
    IOptions<StorageOptions> storage,
    ILogger<InterruptedActionsReport> logger) : IHostedService
{
    // Never disposed: the host may stop a service after disposing it, and a token source with no timer holds nothing.
    private readonly CancellationTokenSource _stopping = new();
    private Task _notices = Task.CompletedTask;
    private Task _watch = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReportAsync(cancellationToken);
        _watch = WatchAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _watch.WaitAsync(cancellationToken);
        await _notices.WaitAsync(cancellationToken);
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(storage.Value.InstanceLease);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await ReportAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogWatchFailed(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        var interrupted = await confirmations.InterruptLeftoversAsync(cancellationToken);
        if (interrupted.Count > 0)
        {
            LogFound(interrupted.Count);
        }

        var toTell = interrupted.Where(i => i.Action.Address is not null).ToList();
        if (toTell.Count > 0)
        {
            var earlier = _notices;
            _notices = Task.Run(() => Task.WhenAll([earlier, .. toTell.Select(i => publisher.SendAsync(i.Action.Address!, i.Notice, CancellationToken.None))]), CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} action(s) were left Running by a service instance that stopped; they are now Interrupted and their conversations are told")]
    private partial void LogFound(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for actions left Running by a stopped instance failed; tried again in one lease")]
    private partial void LogWatchFailed(Exception exception);
}
