using ChatOps.Clusters;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Events;
using ChatOps.Clusters.Lab;
using ChatOps.Commands.Clusters;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Tests.Clusters;

/// <summary><c>events</c> and the event findings of <c>diagnose</c>, over the lab, whose failures write the events Windows writes.</summary>
public sealed class EventsHandlerTests
{
    [Fact]
    public async Task Events_QuietNode_SaysNoneInTheWindow()
    {
        var reply = await new ClusterFixture().AskAsync("events HV01");

        Assert.Equal("Events on HV01, last 24 h", reply.Heading);
        Assert.Equal(new TextBlock("No critical, error or warning events from FailoverClustering or Hyper-V on 1 of 1 node(s) in the last 24 h.", TextStyle.Good), Assert.Single(reply.Blocks));
    }

    [Fact]
    public async Task Events_DefaultLab_HV05sStaleLinksEchoIn4096_UnderTheirRunbook()
    {
        var reply = await new ClusterFixture().AskAsync("events");

        Assert.Equal("4 event(s) — 4 error — on 1 of 6 node(s), by runbook:", reply.Blocks.OfType<TextBlock>().First().Text);
        var row = Assert.Single(ClusterFixture.Table(reply));
        Assert.Equal(("stale-vm-config-links-4096", "Hyper-V-VMMS 4096", "4", "HV05"), (row["Runbook"].Text, row["Events"].Text, row["Count"].Text, row["Nodes"].Text));
        Assert.Contains("is no longer accessible", ClusterFixture.Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_AfterHV04sClusterServiceWasKilled_TheRemovalIsUnderItsRunbook_CountedOnEverySurvivor()
    {
        var fixture = new ClusterFixture();
        await fixture.Gateway.StopClusterServiceAsync("HV04", allowQuorumLoss: false, DateTimeOffset.MaxValue, CancellationToken.None);

        var reply = await fixture.AskAsync("events --since 2h");

        Assert.Equal("Events on HVC01, last 2 h", reply.Heading);
        var rows = ClusterFixture.Table(reply);
        var removed = rows.Single(r => r["Events"].Text == "FailoverClustering 1135");
        // 1135 is named by six runbooks; the one about a node leaving the membership leads, by what the message says.
        Assert.Equal("node-removed-from-membership", removed["Runbook"].Text);
        Assert.Equal("5", removed["Count"].Text);
        Assert.Equal("HV01, HV02, HV03, HV05, HV06", removed["Nodes"].Text);
        Assert.Equal(CellStatus.Attention, removed["Events"].Status);
        // RPT-02 could not restart anywhere (its configuration volume is gone): its role failed and stayed failed.
        var roles = rows.Single(r => r["Events"].Text.Contains("1069", StringComparison.Ordinal));
        Assert.Equal("role-failure-threshold", roles["Runbook"].Text);
        Assert.Equal("FailoverClustering 1205, FailoverClustering 1069", roles["Events"].Text);
        Assert.Contains(ClusterFixture.Links(reply), l => l.KbId == "node-removed-from-membership");
        Assert.Contains("Cluster node 'HV04' was removed from the active failover cluster membership", ClusterFixture.Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_OneNode_OnlyItsLog()
    {
        var fixture = new ClusterFixture();
        await fixture.Gateway.StopClusterServiceAsync("HV04", allowQuorumLoss: false, DateTimeOffset.MaxValue, CancellationToken.None);

        var reply = await fixture.AskAsync("events node hv02");

        Assert.Equal("Events on HV02, last 24 h", reply.Heading);
        var rows = ClusterFixture.Table(reply);
        Assert.Contains(rows, r => r["Events"].Text == "FailoverClustering 1135");
        Assert.All(rows, r => Assert.Equal("HV02", r["Nodes"].Text));
    }

    [Fact]
    public async Task Events_ANodeHangsAndAnotherCannotReadALog_PartialNamesBoth()
    {
        var fixture = new ClusterFixture(TimeSpan.FromMilliseconds(300));
        fixture.Lab.InjectFault("HV02", LabFault.Hung);
        fixture.Lab.InjectFault("HV06", new LabFault(UnreadableLog: EventSources.VmmsLog));

        var reply = await fixture.AskAsync("events");

        Assert.Equal("Events on HVC01, last 24 h (partial)", reply.Heading);
        Assert.Equal(TextStyle.Default, reply.Blocks.OfType<TextBlock>().First().Style);
        var partial = reply.Blocks.OfType<TextBlock>().Single(t => t.Style == TextStyle.Warning).Text;
        Assert.Contains("**HV02** did not answer", partial, StringComparison.Ordinal);
        Assert.Contains("HV06 could not read Microsoft-Windows-Hyper-V-VMMS-Admin", partial, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events node", "needs the node's name")]
    [InlineData("events NOPE", "NOPE")]
    [InlineData("events --since forever", "is not a time span")]
    [InlineData("events --since 8d", "goes back further than the 7 days I read")]
    [InlineData("events HV01 HV02", "takes one node")]
    public async Task Events_BadInput_SaysWhatIsWrong(string command, string said)
    {
        var reply = await new ClusterFixture().AskAsync(command);

        Assert.Contains(said, ClusterFixture.Text(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("2h", 120)]
    [InlineData("2 hours", 120)]
    [InlineData("1d", 1440)]
    [InlineData("7d", 10080)]
    [InlineData("8d", 11520)]
    public void ParseWindow_MinutesHoursDays(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), EventsHandler.ParseWindow(text));

    [Theory]
    [InlineData("0h")]
    [InlineData("-1h")]
    [InlineData("2w")]
    [InlineData("h")]
    public void ParseWindow_ZeroOrUnknown_Null(string text) =>
        Assert.Null(EventsHandler.ParseWindow(text));

    [Fact]
    public async Task Diagnose_AfterTheKill_TheRemovalIsAFindingAboutHV04_WithItsEvidenceAndRunbook()
    {
        var fixture = new ClusterFixture();
        await fixture.Gateway.StopClusterServiceAsync("HV04", allowQuorumLoss: false, DateTimeOffset.MaxValue, CancellationToken.None);

        var reply = await fixture.AskAsync("diagnose node HV04 --details");

        var text = ClusterFixture.Text(reply);
        Assert.Contains("logged FailoverClustering 1135 (Critical)", text, StringComparison.Ordinal);
        Assert.Contains(ClusterFixture.Links(reply), l => l.KbId == "node-removed-from-membership");
    }

    [Fact]
    public async Task Diagnose_EventFindings_AreHighForCriticalAndMediumForError_OnePerNodeAndKind()
    {
        var fixture = new ClusterFixture();
        await fixture.Gateway.StopClusterServiceAsync("HV04", allowQuorumLoss: false, DateTimeOffset.MaxValue, CancellationToken.None);
        var events = await fixture.Gateway.GetEventsAsync(null, new ClusterOptions().DiagnoseEventWindow, CancellationToken.None);
        var snapshot = fixture.Lab.Snapshot();

        var (findings, unexplained) = EventFindings.From(
            events, e => e.Id is 1135 or 1069 ? [Runbook("x")] : [], [.. snapshot.Nodes.Select(n => n.Name)], [.. snapshot.Vms.Select(v => v.Name)]);

        Assert.Equal(5, findings.Count(f => f.Severity == Severity.High && f.Evidence.Contains("1135", StringComparison.Ordinal)));
        var role = Assert.Single(findings, f => f.Evidence.Contains("1069", StringComparison.Ordinal));
        Assert.Equal(Severity.Medium, role.Severity);
        Assert.Equal(["RPT-02"], role.Vms);
        Assert.All(findings.Where(f => f.Evidence.Contains("1135", StringComparison.Ordinal)), f => Assert.Contains("HV04", f.Nodes));
        Assert.Equal(events.All.Count(e => e.Level <= WinEventLevel.Error && e.Id is not (1135 or 1069)), unexplained);
        Assert.Contains(events.All, e => e.Id == 1205);
    }

    private static ChatOps.Knowledge.Runbook Runbook(string id) => new()
    {
        Id = id, Title = id, Summary = id, Severity = "high", Document = new Markdig.Syntax.MarkdownDocument(), Markdown = string.Empty, SourcePath = id,
    };
}
