using ChatOps.Commands.Actions;
using ChatOps.Commands.Subscriptions;

namespace ChatOps.Bot.Hosting;

/// <summary>
/// At start, before any turn runs: actions left Running by the last stop or crash become
/// Interrupted (audited), and each conversation they were confirmed in is told its outcome is
/// unknown. The messages go out in the background so a slow connector does not hold start-up.
/// </summary>
internal sealed partial class InterruptedActionsReport(
    ActionConfirmations confirmations,
    IChannelPublisher publisher,
    ILogger<InterruptedActionsReport> logger) : IHostedService
{
    private Task _notices = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var interrupted = await confirmations.InterruptLeftoversAsync(cancellationToken);
        if (interrupted.Count > 0)
        {
            LogFound(interrupted.Count);
        }

        var toTell = interrupted.Where(i => i.Action.Address is not null).ToList();
        _notices = toTell.Count == 0
            ? Task.CompletedTask
            : Task.Run(() => Task.WhenAll(toTell.Select(i => publisher.SendAsync(i.Action.Address!, i.Notice, CancellationToken.None))), CancellationToken.None);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _notices.WaitAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} action(s) were Running when the service last stopped; they are now Interrupted and their conversations are told")]
    private partial void LogFound(int count);
}
