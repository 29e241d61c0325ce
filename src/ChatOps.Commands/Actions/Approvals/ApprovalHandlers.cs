using ChatOps.Commands.Access;
using ChatOps.Commands.Actions.Lifecycle;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Actions.Approvals;

/// <summary><c>pending</c>: what waits for the caller — their own requests, and (for an admin) others' requests waiting for a second admin.</summary>
internal sealed class PendingHandler(IPendingActions pending, TimeProvider time) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "pending",
        Summary = "List the actions waiting for you: your own, and (for an admin) others' waiting for a second admin's approval.",
        Usage = "pending",
        Examples = ["pending"],
        Role = Role.Operator,
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Context.Caller;
        var now = time.GetUtcNow();
        var waiting = (await pending.ListWaitingAsync(cancellationToken))
            .Where(p => p.ExpiresAt >= now && (p.TenantId is null || p.TenantId == request.Context.TenantId))
            .Where(p => caller.Is(p.RequesterId) || (request.Context.Role >= Role.Admin && p.State == PendingActionState.AwaitingApproval))
            .ToList();
        if (waiting.Count == 0)
        {
            return Reply.Text("Nothing waits for you.", "Pending");
        }

        var rows = waiting.Select(p => (IReadOnlyList<TableCell>)
        [
            p.Id,
            $"{p.Action} {p.Target}",
            p.RequesterName,
            caller.Is(p.RequesterId) ? (p.State == PendingActionState.AwaitingApproval ? "your request: waiting for a second admin" : "your request: waiting for your confirmation") : new TableCell("waiting for your approval", CellStatus.Warning),
            $"{p.ExpiresAt:HH:mm:ss} UTC",
        ]).ToList();
        return new Reply
        {
            Heading = "Pending",
            Blocks = [new TableBlock(["Id", "Action", "Requested by", "Waiting for", "Until"], rows), new TextBlock("Approve or reject one with `approve <id>` or `reject <id>`, or with the buttons of its card.", TextStyle.Subtle)],
        };
    }
}

/// <summary><c>approve &lt;id&gt;</c>: a second admin's approval typed in any client, by the same rules as the card's Approve button.</summary>
internal sealed class ApproveHandler(PendingActionFlow flow) : ICommandHandler
{
    public static readonly CommandDefinition Definition = TypedDecision.Definition("approve", "Approve an action waiting for a second admin (not your own).");

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => TypedDecision.DecideAsync(flow, CardWire.Confirm, request, cancellationToken);
}

/// <summary><c>reject &lt;id&gt;</c>: a second admin's rejection, or the requester's cancel, typed in any client.</summary>
internal sealed class RejectHandler(PendingActionFlow flow) : ICommandHandler
{
    public static readonly CommandDefinition Definition = TypedDecision.Definition("reject", "Reject an action waiting for a second admin, or cancel your own.");

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => TypedDecision.DecideAsync(flow, CardWire.Cancel, request, cancellationToken);
}

/// <summary>What <c>approve</c> and <c>reject</c> share: the id checked, then the same decision as a press, without a nonce.</summary>
internal static class TypedDecision
{
    public static Task<Reply> DecideAsync(PendingActionFlow flow, string verb, CommandRequest request, CancellationToken cancellationToken)
    {
        var id = request.Argument("id")!.Trim();
        return id.Length is 0 or > CardWire.MaxFieldLength || !id.All(char.IsAsciiLetterOrDigit)
            ? Task.FromResult(Reply.Error($"`{Echo.Safe(id)}` is not a pending action's id.", "`pending` lists what waits for you, with their ids."))
            : flow.DecideAsync(new Press(verb, id, null), request.Context, typed: true, cancellationToken);
    }

    public static CommandDefinition Definition(string name, string summary) => new()
    {
        Name = name,
        Summary = summary,
        Usage = $"{name} <id>",
        Examples = [$"{name} 3f9c0a1b2c3d4e5f"],
        Role = Role.Operator,
        Arguments = [new ArgumentSpec("id")],
        Audited = true,
    };
}
