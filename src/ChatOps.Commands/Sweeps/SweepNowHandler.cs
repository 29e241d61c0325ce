using ChatOps.Commands.Access;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Sweeps;

/// <summary><c>sweep now</c>: runs a parity sweep at once and answers with the matrix.</summary>
internal sealed class SweepNowHandler(SweepRunner runner, Links links) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "sweep now",
        Summary = "Run a parity sweep now: drivers, firmware, BIOS, hotfixes, integration services, ASR across nodes.",
        Usage = "sweep now",
        Role = Role.Operator,
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        SweepReplies.Matrix(await runner.RunAsync(cancellationToken), links);
}
