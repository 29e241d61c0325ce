using ChatOps.Clusters.Gateway;
using ChatOps.Commands.Clusters;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.ClusterActions;

/// <summary>
/// Turns what the cluster reports after an action into a reply: a summary and one row per node.
/// The colour is the outcome's, on the outcome: a node the action took down, or a VM it left Failed, is not shown green.
/// </summary>
internal static class ActionResultReply
{
    public static Reply From(ClusterActionResult result, params ReplyBlock[] more)
    {
        ArgumentNullException.ThrowIfNull(result);
        var status = result.Status switch
        {
            ActionStatus.Succeeded => CellStatus.Ok,
            ActionStatus.Refused => CellStatus.Warning,
            _ => CellStatus.Attention,
        };
        var outcome = new TableCell(result.Status switch
        {
            ActionStatus.Succeeded => "done",
            ActionStatus.Refused => "refused",
            _ => result.Status.ToString().ToLowerInvariant(),
        }, status);
        // A part that went badly is never "done", whatever the action's own status.
        var rows = result.Outcomes
            .Select(o => (IReadOnlyList<TableCell>)[o.Node, o.Concern is { } concern ? new TableCell("needs a look", ClusterText.Status(concern)) : outcome, o.Text])
            .ToList();
        var blocks = new List<ReplyBlock>();
        if (rows.Count > 0)
        {
            blocks.Add(new TableBlock(["Node", "Outcome", "What happened"], rows));
        }

        blocks.AddRange(more);
        return new Reply
        {
            Heading = result.Succeeded ? result.Summary : $"{result.Status}: {result.Summary}",
            Blocks = blocks,
            Outcome = result.Succeeded ? ReplyOutcome.Ok : ReplyOutcome.Failed,
        };
    }
}
