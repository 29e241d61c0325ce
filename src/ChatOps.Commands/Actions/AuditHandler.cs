using ChatOps.Commands.Access;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Actions;

/// <summary><c>audit [n]</c>: the newest audit records.</summary>
internal sealed class AuditHandler(IAuditLog audit) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "audit",
        Summary = "Show the newest audit records of actions (default 10, at most 100).",
        Usage = "audit [n]",
        Examples = ["audit", "audit 50"],
        Role = Role.Operator,
        Arguments = [new ArgumentSpec("n", Required: false)],
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var text = request.Argument("n");
        var count = 10;
        if (text is not null && (!int.TryParse(text, out count) || count is < 1 or > 100))
        {
            return Reply.Error($"`{text}` is not a number from 1 to 100.", "Usage: `audit [n]`");
        }

        var records = await audit.LatestAsync(count, cancellationToken);
        if (records.Count == 0)
        {
            return Reply.Text("No actions have been audited yet.", "Audit");
        }

        var rows = records.Select(r => (IReadOnlyList<TableCell>)
        [
            r.Time.ToString("yyyy-MM-dd HH:mm:ss"),
            r.UserName,
            $"{r.Action} {r.Target}".Trim(),
            new TableCell(r.Decision.ToString(), StatusOf(r.Decision)),
            r.Outcome,
        ]).ToList();
        return new Reply { Heading = $"Audit: last {records.Count}", Blocks = [new TableBlock(["Time (UTC)", "User", "Action", "Decision", "Outcome"], rows)] };
    }

    private static CellStatus StatusOf(AuditDecision decision) => decision switch
    {
        AuditDecision.Executed => CellStatus.Ok,
        AuditDecision.Refused or AuditDecision.Expired or AuditDecision.Cancelled => CellStatus.Warning,
        AuditDecision.Failed or AuditDecision.Interrupted or AuditDecision.Undeliverable or AuditDecision.Unanswered => CellStatus.Attention,
        _ => CellStatus.None,
    };
}
