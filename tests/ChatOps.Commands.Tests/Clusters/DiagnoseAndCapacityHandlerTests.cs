using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Lab;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Tests.Clusters;

public sealed class DiagnoseAndCapacityHandlerTests
{
    [Fact]
    public async Task Diagnose_DefaultLab_EveryFindingWithEvidenceAndItsRunbookLink()
    {
        var fixture = new ClusterFixture();
        var expected = ClusterChecks.RunAll(fixture.Lab.Snapshot()).Findings;

        var reply = await fixture.AskAsync("diagnose --details");

        Assert.Equal("Diagnose HVC01", reply.Heading);
        var items = reply.Blocks.OfType<ListBlock>().SelectMany(l => l.Items).ToList();
        // And from the event logs: HV05's VMMS has logged its two stale links, twice each.
        Assert.Equal(expected.Count + 1, items.Count);
        Assert.Contains(items, i => i.StartsWith("**HV05** — HV05 logged Hyper-V-VMMS 4096 (Error) 4 times from ", StringComparison.Ordinal) && i.EndsWith("Runbook: `stale-vm-config-links-4096`", StringComparison.Ordinal));
        Assert.All(expected, f => Assert.Contains(items, i => i.Contains(f.Evidence, StringComparison.Ordinal) && i.Contains($"`{f.KbId}`", StringComparison.Ordinal)));
        var links = ClusterFixture.Links(reply).Select(l => l.Url).ToHashSet();
        Assert.All(expected, f => Assert.Contains(ClusterFixture.PublicUrl + "kb/" + f.KbId, links));
        Assert.True(expected.Select(f => f.CheckId).Distinct().Count() >= 14);
    }

    [Fact]
    public async Task Diagnose_DefaultLab_OneScreenSummaryOneLineAndOneRunbookEach_DetailsFoldedAndNextCommandsAsButtons()
    {
        var fixture = new ClusterFixture();
        var expected = ClusterChecks.RunAll(fixture.Lab.Snapshot()).Findings;

        var reply = await fixture.AskAsync("diagnose");

        var summary = Assert.Single(reply.Blocks.OfType<LinksBlock>()).Links;
        Assert.Equal(expected.Select(f => (f.Severity, f.KbId)).Distinct().Count(), summary.Count);
        Assert.All(summary, l => Assert.NotNull(l.Lead));
        Assert.Equal(summary.Count, summary.Select(l => (l.Lead!.Split(' ')[0], l.KbId)).Distinct().Count());
        Assert.StartsWith("Critical · HV01", summary[0].Lead, StringComparison.Ordinal);
        Assert.Equal(CellStatus.Attention, summary[0].Status);
        Assert.Contains(summary, l => l.Lead == "High · APP-07" && l.KbId == KbIds.VmStateDesync);
        Assert.Empty(reply.Blocks.OfType<ListBlock>());
        Assert.Equal(expected.Count + 1, reply.Details.OfType<ListBlock>().Sum(l => l.Items.Count));
        Assert.Equal(["node HV01", "vm CRM-04", "node HV02"], reply.Buttons.Select(b => b.Command));
    }

    [Fact]
    public async Task Diagnose_DefaultLab_SectionsAreMostSevereFirst()
    {
        var reply = await new ClusterFixture().AskAsync("diagnose --details");

        var headings = reply.Blocks.OfType<HeadingBlock>().Select(h => h.Text.Split(' ')[0]).ToList();
        Assert.Equal(["Critical", "High", "Medium", "Low"], headings);
    }

    [Fact]
    public async Task Diagnose_HungNode_IsPartialAndNamesTheNode()
    {
        var fixture = new ClusterFixture(TimeSpan.FromMilliseconds(150));
        fixture.Lab.InjectFault("HV05", LabFault.Hung);

        var reply = await fixture.AskAsync("diagnose");

        Assert.Equal("Diagnose HVC01 (partial)", reply.Heading);
        var text = ClusterFixture.Text(reply);
        Assert.Contains("on 5 of 6 nodes", text, StringComparison.Ordinal);
        Assert.Contains("**HV05** did not answer (Timeout: HV05 did not answer within 150 ms.)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stale-vm-config-links-4096", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_NodeScope_OnlyFindingsAboutThatNode()
    {
        var reply = await new ClusterFixture().AskAsync("diagnose node hv04 --details");

        Assert.Equal("Diagnose HV04", reply.Heading);
        var items = reply.Blocks.OfType<ListBlock>().SelectMany(l => l.Items).ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains("HV04", i, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_VmScope_TheDesync()
    {
        var reply = await new ClusterFixture().AskAsync("diagnose vm APP-07 --details");

        Assert.Contains("the cluster says Online on HV01 but Hyper-V there says Saved", Assert.Single(reply.Blocks.OfType<ListBlock>().SelectMany(l => l.Items)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_HealthyGeneratedLab_SaysNoFindings()
    {
        var fixture = new ClusterFixture(lab: LabClusters.Generate(new LabGeneratorOptions { Nodes = 4, Vms = 20 }));

        var reply = await fixture.AskAsync("diagnose");

        Assert.Equal(new TextBlock("27 checks on 4 of 4 nodes and their event logs of the last 4 h: no findings.", TextStyle.Good), reply.Blocks[0]);
    }

    [Theory]
    [InlineData("diagnose everything", "not `everything`")]
    [InlineData("diagnose node", "needs the node's name")]
    [InlineData("diagnose vm nosuch", "There is no VM `nosuch`")]
    [InlineData("diagnose node hv6", "Did you mean `HV06`?")]
    [InlineData("diagnose cluster HV01", "takes no name")]
    public async Task Diagnose_BadScope_SaysWhatWouldWork(string text, string expected)
    {
        var reply = await new ClusterFixture().AskAsync(text);

        Assert.Equal(ReplyOutcome.Failed, reply.Outcome);
        Assert.Contains(expected, ClusterFixture.Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capacity_DefaultLab_Hv01LosesSql01AndTheLargestVmFitsNowhere()
    {
        var reply = await new ClusterFixture().AskAsync("capacity");

        var hv01 = ClusterFixture.Table(reply).Single(r => r["If this node fails"].Text == "HV01");
        Assert.Equal(new TableCell("SQL-01", CellStatus.Attention), hv01["Stay down"]);
        Assert.Equal("TEST-01", hv01["Left off (NoAutoStart)"].Text);
        Assert.Equal(CellStatus.Ok, ClusterFixture.Table(reply).Single(r => r["If this node fails"].Text == "HV02")["Stay down"].Status);
        Assert.Equal(new Fact("Most free memory elsewhere", "62 GB on HV06 — the largest VM does NOT fit", CellStatus.Attention), ClusterFixture.Fact(reply, "Most free memory elsewhere"));
        Assert.Contains("SQL-01: 64 GB (High) on HV01", ClusterFixture.Fact(reply, "Largest VM").Value, StringComparison.Ordinal);
        Assert.Contains(ClusterFixture.Links(reply), l => l.KbId == KbIds.FailoverCapacityReserve);
    }

    [Fact]
    public async Task Capacity_AfterHv01Failed_Hv01IsSaidToBeDownNotLeftOut()
    {
        var fixture = new ClusterFixture();
        await fixture.Gateway.StopClusterServiceAsync("HV01", allowQuorumLoss: false, DateTimeOffset.MaxValue, CancellationToken.None);

        var reply = await fixture.AskAsync("capacity");

        var hv01 = Assert.Single(ClusterFixture.Table(reply), r => r["If this node fails"].Text == "HV01");
        Assert.Equal(new TableCell("already Down", CellStatus.Attention), hv01["Restart on"]);
        Assert.Equal("-", hv01["Stay down"].Text);
        Assert.Matches(@"HV01 \(Down\).* take\(s\) no failovers while not Up", ClusterFixture.Text(reply));
    }

    [Fact]
    public async Task Help_Reader_SeesTheClusterCommands()
    {
        var text = ClusterFixture.Text(await new ClusterFixture().AskAsync("help"));

        foreach (var name in new[] { "cluster", "nodes", "node", "vm", "diagnose", "capacity" })
        {
            Assert.Contains($"`{name}`", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_ExamplesNameWhatExistsInTheClusterAndAreButtons()
    {
        var fixture = new ClusterFixture();
        var snapshot = fixture.Lab.Snapshot();

        var overview = await fixture.AskAsync("help");
        var detail = await fixture.AskAsync("help diagnose");

        // This router has no knowledge commands, so "kb search 169.254" is not offered.
        Assert.Equal(["diagnose", "vm SQL-01", "node HV01", "capacity"], overview.Buttons.Select(b => b.Command));
        Assert.Equal(["diagnose", "diagnose node HV01", "diagnose vm SQL-01", "diagnose --details"], detail.Buttons.Select(b => b.Command));
        Assert.Empty(detail.Blocks.OfType<CodeBlock>());
        Assert.NotNull(snapshot.FindVm("SQL-01"));
        Assert.Empty(overview.Blocks.OfType<TableBlock>());
    }

    [Fact]
    public async Task Help_NoNodeAnswers_ExamplesAreShownAsUsageNotAsButtonsNamingNothing()
    {
        var fixture = new ClusterFixture(TimeSpan.FromMilliseconds(100));
        foreach (var node in fixture.Lab.Snapshot().Nodes)
        {
            fixture.Lab.InjectFault(node.Name, LabFault.Hung);
        }

        var detail = await fixture.AskAsync("help diagnose");

        Assert.Equal(["diagnose", "diagnose --details"], detail.Buttons.Select(b => b.Command));
        Assert.Equal("diagnose node <node>\ndiagnose vm <vm>", Assert.Single(detail.Blocks.OfType<CodeBlock>()).Code);
    }
}
