using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Actions;

/// <summary>The command side of an action: every request goes through <see cref="ActionConfirmations"/>.</summary>
internal sealed class SafeActionHandler<TAction>(TAction action, ActionConfirmations confirmations) : ICommandHandler
    where TAction : ISafeAction
{
    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        confirmations.RequestAsync(action, request, cancellationToken);
}
