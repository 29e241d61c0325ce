using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;
using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.ClusterActions;
using ChatOps.Commands.Clusters;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Commands.Tests.Clusters;
using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Tests.Wording;

/// <summary>Good only for what is good: each colour an admin could misread, on the default lab.</summary>
public sealed class TrueColoursTests
{
    private static readonly Links Links = new(Options.Create(new LinkOptions()));

    [Theory]
    [InlineData(CellStatus.Ok, StatusColour.Good, null)]
    [InlineData(CellStatus.Warning, StatusColour.Warning, "⚠")]
    [InlineData(CellStatus.Attention, StatusColour.Attention, "✖")]
    [InlineData(CellStatus.Unknown, StatusColour.Subtle, "?")]
    [InlineData(CellStatus.History, StatusColour.Subtle, null)]
    [InlineData(CellStatus.None, StatusColour.Default, null)]
    public void EveryStatus_HasOneLook(CellStatus status, StatusColour colour, string? mark) =>
        Assert.Equal(new StatusLook(colour, mark), StatusLook.Of(status));

    [Fact]
    public async Task KillVmwp_AVmThatStaysFailed_IsNotAGreenDone()
    {
        var lab = LabClusters.LoadDefault();
        var action = new KillVmWorkerAction(LabClusters.CreateGateway(lab), Links);

        var reply = await action.ExecuteAsync(Stored("kill vmwp", "RPT-02"), DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);

        var rows = ClusterFixture.Table(reply);
        var stays = Assert.Single(rows, r => r["What happened"].Text.Contains("stays Failed", StringComparison.Ordinal));
        Assert.Equal(new TableCell("needs a look", CellStatus.Attention), stays["Outcome"]);
        Assert.Contains(rows, r => r["Outcome"] == new TableCell("done", CellStatus.Ok));
    }

    [Fact]
    public async Task KillVmwp_ACrashThatRestarts_IsAWarningNotGood()
    {
        var action = new KillVmWorkerAction(LabClusters.CreateGateway(LabClusters.LoadDefault()), Links);

        var plan = await action.PlanAsync(Request(KillVmWorkerAction.Command, "vm", "WEB-01"), CancellationToken.None);

        var after = plan.Preview.OfType<FactsBlock>().SelectMany(f => f.Facts).Single(f => f.Name == "After the kill");
        Assert.StartsWith("crashes on HV02, restarts on", after.Value, StringComparison.Ordinal);
        Assert.Equal(CellStatus.Warning, after.Status);
    }

    [Fact]
    public async Task Nodes_ADownNodesFreeMemory_IsNotGreen()
    {
        var fixture = new ClusterFixture();
        fixture.Lab.SetNodeState("HV03", NodeState.Down);

        var rows = ClusterFixture.Table(await fixture.AskAsync("nodes"));

        var hv03 = rows.Single(r => r["Node"].Text == "HV03")["Memory free / total"];
        Assert.NotEqual(CellStatus.Ok, hv03.Status);
        Assert.Contains("Down: takes no VMs", hv03.Text, StringComparison.Ordinal);
        Assert.Contains(rows, r => r["State"].Text == "Up" && r["Memory free / total"].Status == CellStatus.Ok);
    }

    [Theory]
    [InlineData(5, 4, CellStatus.Ok)]
    [InlineData(4, 4, CellStatus.Warning)]
    [InlineData(3, 4, CellStatus.Attention)]
    public void Quorum_KeptWithNoVoteToSpare_IsAWarning(int votes, int needed, CellStatus expected) =>
        Assert.Equal(expected, ClusterText.Status(new QuorumAssessment(votes >= needed, votes, needed, 7, $"{votes} of 7 votes present, {needed} needed")));

    [Fact]
    public async Task Cluster_ZeroMarginQuorum_IsAWarningWhereItIsShown()
    {
        // Six nodes and a witness, seven votes: with three nodes down and no dynamic quorum, 4 of 7 are present and 4 needed.
        var fixture = new ClusterFixture();
        foreach (var node in new[] { "HV04", "HV05", "HV06" })
        {
            fixture.Lab.SetNodeState(node, NodeState.Down);
        }

        var votes = ClusterFixture.Fact(await fixture.AskAsync("cluster"), "Votes");

        Assert.Contains("4 needed", votes.Value, StringComparison.Ordinal);
        Assert.Equal(CellStatus.Warning, votes.Status);
    }

    [Fact]
    public void ActionResult_APartThatWentBadly_IsNeverDone()
    {
        var result = new ClusterActionResult(ClusterAction.StopClusterService, "HV04", ActionStatus.Succeeded, "HV04 is Down",
            [new NodeOutcome("HV04", "cluster service stopped"), new NodeOutcome("HV04", "TEST-02 left off (priority NoAutoStart).", Severity.Medium)]);

        var rows = Assert.IsType<TableBlock>(ActionResultReply.From(result).Blocks[0]).Rows;

        Assert.Equal(new TableCell("done", CellStatus.Ok), rows[0][1]);
        Assert.Equal(new TableCell("needs a look", CellStatus.Warning), rows[1][1]);
    }

    private static CommandRequest Request(CommandDefinition command, string argument, string value) =>
        new(command, new Dictionary<string, string> { [argument] = value }, new Dictionary<string, string?>(), new CommandContext(new Caller("u1", "Dana"), "19:incident", "a1", "msteams"), $"{command.Name} {value}");

    private static PendingAction Stored(string action, string target) => new()
    {
        Id = "p1",
        Nonce = "n1",
        Action = action,
        Target = target,
        RequesterId = "u1",
        RequesterName = "Dana",
        ConversationId = "19:incident",
        CommandText = $"{action} {target}",
        CreatedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(2),
    };
}
