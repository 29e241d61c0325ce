using ChatOps.Commands.Replies;
using ChatOps.Commands.Subscriptions;

namespace ChatOps.Bot.Terminal;

/// <summary>
/// In the terminal chat the only conversation is the screen: a summary is shown there instead of
/// being posted to Teams (which needs the service's Bot Framework credentials).
/// </summary>
internal sealed class TerminalPublisher(ITerminalView view) : IChannelPublisher
{
    public Task<PublishResult> PublishAsync(string topic, Reply reply, string? once, CancellationToken cancellationToken)
    {
        view.Show(reply);
        return Task.FromResult(new PublishResult(1, 0, 0));
    }

    public Task<bool> SendAsync(string address, Reply reply, CancellationToken cancellationToken)
    {
        view.Show(reply);
        return Task.FromResult(true);
    }
}
