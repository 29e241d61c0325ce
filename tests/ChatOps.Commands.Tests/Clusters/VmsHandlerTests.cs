using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Tests.Clusters;

public sealed class VmsHandlerTests
{
    [Fact]
    public async Task Vms_NoFilter_EveryVmOrderedByOwner()
    {
        var reply = await new ClusterFixture().AskAsync("vms");

        var rows = ClusterFixture.Table(reply);
        Assert.Equal(61, rows.Count);
        Assert.Equal(rows.Select(r => r["Owner"].Text).Order(StringComparer.OrdinalIgnoreCase), rows.Select(r => r["Owner"].Text));
        Assert.EndsWith(": 61 of 61", reply.Heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vms_Failed_AfterHv01Failed_ListsTheVmThatFitNowhere()
    {
        var fixture = new ClusterFixture();
        await fixture.Gateway.StopClusterServiceAsync("HV01", allowQuorumLoss: false, DateTimeOffset.MaxValue, CancellationToken.None);

        var rows = ClusterFixture.Table(await fixture.AskAsync("vms failed"));

        var sql = Assert.Single(rows);
        Assert.Equal("SQL-01", sql["VM"].Text);
        Assert.Equal(new TableCell("Failed", CellStatus.Attention), sql["Cluster"]);
    }

    [Fact]
    public async Task Vms_FailedOnHealthyLab_SaysNoneMatch()
    {
        var reply = await new ClusterFixture().AskAsync("vms failed");

        Assert.Contains("No VM matches.", ClusterFixture.Text(reply), StringComparison.Ordinal);
        Assert.Equal(ReplyOutcome.Ok, reply.Outcome);
    }

    [Theory]
    [InlineData("vms --node hv04")]
    [InlineData("vms HV04")]
    [InlineData("vms —node=HV04")]
    public async Task Vms_ByNode_OnlyThatNodesVms(string text)
    {
        var rows = ClusterFixture.Table(await new ClusterFixture().AskAsync(text));

        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal("HV04", r["Owner"].Text));
    }

    [Fact]
    public async Task Vms_NodeAndState_BothApply()
    {
        var rows = ClusterFixture.Table(await new ClusterFixture().AskAsync("vms --node HV04 --state offline"));

        Assert.Equal("TEST-02", Assert.Single(rows)["VM"].Text);
    }

    [Fact]
    public async Task Vms_Desynced_ListsTheDesyncedVmWithItsHyperVStateFlagged()
    {
        var rows = ClusterFixture.Table(await new ClusterFixture().AskAsync("vms desynced"));

        var row = Assert.Single(rows);
        Assert.Equal("APP-07", row["VM"].Text);
        Assert.Equal(new TableCell("Saved", CellStatus.Attention), row["Hyper-V"]);
    }

    [Theory]
    [InlineData("vms faild", "Did you mean `failed`?")]
    [InlineData("vms hv7", "neither a VM state nor a node")]
    [InlineData("vms --node HV9", "There is no node `HV9`")]
    [InlineData("vms --state running", "There is no VM state `running`")]
    public async Task Vms_UnknownFilter_SaysWhatWouldWork(string text, string expected)
    {
        var reply = await new ClusterFixture().AskAsync(text);

        Assert.Equal(ReplyOutcome.Failed, reply.Outcome);
        Assert.Contains(expected, ClusterFixture.Text(reply), StringComparison.Ordinal);
    }
}
