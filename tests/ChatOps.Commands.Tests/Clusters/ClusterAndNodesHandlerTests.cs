using ChatOps.Clusters.Lab;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Tests.Clusters;

public sealed class ClusterAndNodesHandlerTests
{
    [Fact]
    public async Task Cluster_DefaultLab_SixNodesOnePausedQuorumAndFindingCounts()
    {
        var reply = await new ClusterFixture().AskAsync("cluster");

        Assert.Equal("Cluster HVC01", reply.Heading);
        Assert.Equal("6: 5 Up, 1 Paused", ClusterFixture.Fact(reply, "Nodes").Value);
        Assert.Equal("NodeAndFileShareMajority", ClusterFixture.Fact(reply, "Quorum").Value);
        Assert.Contains("DC-East", ClusterFixture.Fact(reply, "Witness").Value, StringComparison.Ordinal);
        Assert.Equal("61: 60 Online, 1 Offline", ClusterFixture.Fact(reply, "VMs").Value);
        Assert.StartsWith("1 critical, ", ClusterFixture.Fact(reply, "Findings").Value, StringComparison.Ordinal);
        Assert.Equal(CellStatus.Attention, ClusterFixture.Fact(reply, "Findings").Status);
        Assert.Equal(6, ClusterFixture.Table(reply).Count);
    }

    [Fact]
    public async Task Nodes_DefaultLab_StatesAreColouredAndPausedNodeStandsOut()
    {
        var rows = ClusterFixture.Table(await new ClusterFixture().AskAsync("nodes"));

        var hv03 = rows.Single(r => r["Node"].Text == "HV03");
        Assert.Equal(new TableCell("Paused", CellStatus.Warning), hv03["State"]);
        Assert.All(rows.Where(r => r["Node"].Text != "HV03"), r => Assert.Equal(CellStatus.Ok, r["State"].Status));
        Assert.Equal("12 GB / 128 GB", rows.Single(r => r["Node"].Text == "HV01")["Memory free / total"].Text);
        Assert.Equal("14 running / 14", rows.Single(r => r["Node"].Text == "HV01")["VMs"].Text);
        Assert.Equal(CellStatus.Attention, rows.Single(r => r["Node"].Text == "HV01")["Findings"].Status);
    }

    [Fact]
    public async Task Nodes_HungNode_SaysNoAnswerAndTheReplyIsPartial()
    {
        var fixture = new ClusterFixture(TimeSpan.FromMilliseconds(100));
        fixture.Lab.InjectFault("HV04", LabFault.Hung);

        var reply = await fixture.AskAsync("nodes");

        var hv04 = ClusterFixture.Table(reply).Single(r => r["Node"].Text == "HV04");
        Assert.Equal(new TableCell("no answer (Timeout)", CellStatus.Attention), hv04["Memory free / total"]);
        Assert.Contains("Partial: HV04 (Timeout: HV04 did not answer within 100 ms.)", ClusterFixture.Text(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("node hv06")]
    [InlineData("node HV06")]
    [InlineData("NODE \"hv06\"")]
    public async Task Node_AnyCase_ShowsTheNodeWithItsOutlierDriversMarked(string text)
    {
        var reply = await new ClusterFixture().AskAsync(text);

        Assert.Equal("Node HV06", reply.Heading);
        var drivers = ClusterFixture.Table(reply, 1);
        Assert.Equal(new TableCell("4.02.00 (outlier)", CellStatus.Warning), drivers.Single(r => r["Driver class"].Text == "MPIO")["Version"]);
        Assert.Equal("4.01.00", drivers.Single(r => r["Driver class"].Text == "MPIO")["Most nodes"].Text);
        Assert.Equal(CellStatus.Ok, drivers.Single(r => r["Driver class"].Text == "HBA")["Version"].Status);
        Assert.Equal(CellStatus.Attention, ClusterFixture.Fact(reply, "Disks visible").Status);
    }

    [Fact]
    public async Task Node_Hv02_ShowsMissingHotfixAsrAndLinksEachFindingsRunbook()
    {
        var reply = await new ClusterFixture().AskAsync("node HV02");

        Assert.Equal(new Fact("Missing hotfixes", "KB970529 (other nodes have them)", CellStatus.Attention), ClusterFixture.Fact(reply, "Missing hotfixes"));
        Assert.Equal(CellStatus.Attention, ClusterFixture.Fact(reply, "HP ASR").Status);
        var urls = ClusterFixture.Links(reply).Select(l => l.Url).ToList();
        Assert.Contains(ClusterFixture.PublicUrl + "kb/hp-asr-false-reboot", urls);
        Assert.Contains(ClusterFixture.PublicUrl + "kb/volume-guid-change-kb970529", urls);
        Assert.Contains(ClusterFixture.PublicUrl + "kb/patch-level-parity", urls);
    }

    [Fact]
    public async Task Node_Hv04_NoSlatIsAWarning()
    {
        var reply = await new ClusterFixture().AskAsync("node hv04");

        Assert.Equal(new Fact("Hardware", "VT yes, DEP yes, x64 yes, SLAT NO", CellStatus.Warning), ClusterFixture.Fact(reply, "Hardware"));
    }

    [Fact]
    public async Task Node_HungNode_SaysWhyAndStillShowsTheClustersView()
    {
        var fixture = new ClusterFixture(TimeSpan.FromMilliseconds(100));
        fixture.Lab.InjectFault("HV02", LabFault.Hung);

        var reply = await fixture.AskAsync("node HV02");

        Assert.Equal(ReplyOutcome.Ok, reply.Outcome);
        Assert.Equal("Up", ClusterFixture.Fact(reply, "State").Value);
        Assert.Equal(new Fact("Probe", "Timeout: HV02 did not answer within 100 ms.", CellStatus.Attention), ClusterFixture.Fact(reply, "Probe"));
    }

    [Fact]
    public async Task Node_Typo_SuggestsTheNode()
    {
        var reply = await new ClusterFixture().AskAsync("node hv6");

        Assert.Equal(ReplyOutcome.Failed, reply.Outcome);
        Assert.Contains("There is no node `hv6` in the cluster.", ClusterFixture.Text(reply), StringComparison.Ordinal);
        Assert.Contains("Did you mean `HV06`?", ClusterFixture.Text(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("node \"HV01; Stop-Computer -Force\"", "There is no node `HV01; Stop-Computer -Force`")]
    [InlineData("node \"`whoami`\"", "There is no node `whoami`")]
    [InlineData("node \"$(Remove-Item C:\\\\ -Recurse)\"", "There is no node")]
    public async Task Node_HostileName_IsRefusedClearlyAndNeverReachesTheLab(string text, string expected)
    {
        var fixture = new ClusterFixture();

        var reply = await fixture.AskAsync(text);

        Assert.Equal(ReplyOutcome.Failed, reply.Outcome);
        Assert.Contains(expected, ClusterFixture.Text(reply), StringComparison.Ordinal);
        Assert.Equal(5, fixture.Lab.Snapshot().Nodes.Count(n => n.State == ChatOps.Clusters.Model.NodeState.Up));
    }

    [Fact]
    public async Task Node_VeryLongName_IsShortenedInTheAnswer()
    {
        var reply = await new ClusterFixture().AskAsync("node " + new string('x', 500));

        Assert.Contains("There is no node `" + new string('x', 40) + "…`", ClusterFixture.Text(reply), StringComparison.Ordinal);
        Assert.True(ClusterFixture.Text(reply).Length < 600);
    }
}
