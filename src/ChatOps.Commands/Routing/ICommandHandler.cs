using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Routing;

/// <summary>Runs one command. Handlers return data; they never format for a channel.</summary>
public interface ICommandHandler
{
    /// <summary>Answers the request.</summary>
    Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
