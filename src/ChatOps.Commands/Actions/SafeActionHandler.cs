using ChatOps.Commands.Actions.Lifecycle;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Actions;

/// <summary>The command side of an action: every request goes through the <see cref="PendingActionFlow"/>.</summary>
internal sealed class SafeActionHandler<TAction>(TAction action, PendingActionFlow flow) : ICommandHandler
    where TAction : ISafeAction
{
    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        flow.RequestAsync(action, request, cancellationToken);
}
