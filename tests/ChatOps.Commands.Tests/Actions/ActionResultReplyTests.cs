using ChatOps.Clusters.Gateway;
using ChatOps.Commands.ClusterActions;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Tests.Actions;

public sealed class ActionResultReplyTests
{
    [Theory]
    [InlineData(ActionStatus.Succeeded, "done", CellStatus.Ok)]
    [InlineData(ActionStatus.Refused, "refused", CellStatus.Warning)]
    [InlineData(ActionStatus.Failed, "failed", CellStatus.Attention)]
    public void From_NodeTakenDown_TheOutcomeCarriesTheColourNotTheNode(ActionStatus status, string outcome, CellStatus colour)
    {
        var result = new ClusterActionResult(ClusterAction.StopClusterService, "HV05", status, "HV05 is Down", [new NodeOutcome("HV05", "cluster service stopped; the node is Down")]);

        var reply = ActionResultReply.From(result);

        var row = Assert.Single(Assert.IsType<TableBlock>(reply.Blocks[0]).Rows);
        Assert.Equal(CellStatus.None, row[0].Status);
        Assert.Equal(new TableCell(outcome, colour), row[1]);
        Assert.Equal(CellStatus.None, row[2].Status);
    }
}
