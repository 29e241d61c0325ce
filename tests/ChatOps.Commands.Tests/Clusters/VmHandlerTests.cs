using ChatOps.Clusters.Lab;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Tests.Clusters;

public sealed class VmHandlerTests
{
    [Fact]
    public async Task Vm_DesyncedVm_NamesBothStatesAndLinksTheDesyncRunbook()
    {
        var reply = await new ClusterFixture().AskAsync("vm app-07");

        Assert.Equal("VM APP-07", reply.Heading);
        var callout = Assert.IsType<TextBlock>(reply.Blocks[0]);
        Assert.Equal(TextStyle.Attention, callout.Style);
        Assert.Contains("the cluster says Online on HV01 but Hyper-V there says Saved", callout.Text, StringComparison.Ordinal);
        Assert.Equal(new Fact("Cluster state", "Online (owner HV01)", CellStatus.Ok), ClusterFixture.Fact(reply, "Cluster state"));
        Assert.Equal(new Fact("Hyper-V state", "Saved on HV01", CellStatus.Attention), ClusterFixture.Fact(reply, "Hyper-V state"));
        Assert.Contains(ClusterFixture.Links(reply), l => l.KbId == "vm-state-desync" && l.Url == ClusterFixture.PublicUrl + "kb/vm-state-desync");
    }

    [Fact]
    public async Task Vm_HealthyVm_NoCalloutAndNoFindings()
    {
        var reply = await new ClusterFixture().AskAsync("vm DC-02");

        Assert.IsNotType<TextBlock>(reply.Blocks[0]);
        Assert.Equal(new Fact("Hyper-V state", "Running on HV04", CellStatus.Ok), ClusterFixture.Fact(reply, "Hyper-V state"));
        Assert.Contains("No findings for this VM", ClusterFixture.Text(reply), StringComparison.Ordinal);
        Assert.Empty(ClusterFixture.Links(reply));
    }

    [Fact]
    public async Task Vm_ApipaVmWithOldIntegrationServices_AddressAndVersionAreFlagged()
    {
        var reply = await new ClusterFixture().AskAsync("vm CRM-04");

        var nic = Assert.Single(ClusterFixture.Table(reply));
        Assert.Equal(new TableCell("169.254.77.12", CellStatus.Attention), nic["Addresses"]);
        Assert.Equal(new Fact("Integration services", "6.0.6002.18005 (host offers 6.1.7601.17514)", CellStatus.Warning), ClusterFixture.Fact(reply, "Integration services"));
        Assert.Contains(ClusterFixture.Links(reply), l => l.KbId == "duplicate-ip-apipa-after-failover");
    }

    [Fact]
    public async Task Vm_LegacyNic_IsMarkedAndLinksThePingRunbook()
    {
        var reply = await new ClusterFixture().AskAsync("vm oldapp-01");

        Assert.Equal(new TableCell("legacy (emulated)", CellStatus.Warning), Assert.Single(ClusterFixture.Table(reply))["Type"]);
        Assert.Contains(ClusterFixture.Links(reply), l => l.KbId == "ping-after-shutdown-legacy-nic");
    }

    [Fact]
    public async Task Vm_ConfigOnAGoneVolume_SaysNoDiskHasIt()
    {
        var reply = await new ClusterFixture().AskAsync("vm RPT-02");

        var fact = ClusterFixture.Fact(reply, "Config volume");
        Assert.Equal(CellStatus.Attention, fact.Status);
        Assert.Equal("3f2504e0-4f89-41d3-9a0c-0305e82c3301 (no clustered disk has this volume GUID)", fact.Value);
    }

    [Fact]
    public async Task Vm_AfterItsNodeFailed_ShowsTheApipaAddressItCameBackWith()
    {
        var fixture = new ClusterFixture();
        await fixture.Gateway.StopClusterServiceAsync("HV01", allowQuorumLoss: false, DateTimeOffset.MaxValue, CancellationToken.None);

        var reply = await fixture.AskAsync("vm ERP-05");

        Assert.StartsWith("169.254.", Assert.Single(ClusterFixture.Table(reply))["Addresses"].Text, StringComparison.Ordinal);
        Assert.NotEqual("Online (owner HV01)", ClusterFixture.Fact(reply, "Cluster state").Value);
    }

    [Fact]
    public async Task Vm_OwnerHung_SaysTheOwnersStateIsUnknown()
    {
        var fixture = new ClusterFixture(TimeSpan.FromMilliseconds(100));
        fixture.Lab.InjectFault("HV01", LabFault.Hung);

        var reply = await fixture.AskAsync("vm SQL-01");

        Assert.Equal("not registered on any node that answered", ClusterFixture.Fact(reply, "Hyper-V state").Value);
        Assert.Contains("Partial: the owner HV01 did not answer", ClusterFixture.Text(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vm app07", "Did you mean `APP-07`?")]
    [InlineData("vm nosuchvm", "Known: `APP-01`, `APP-02`")]
    public async Task Vm_UnknownName_SuggestsNames(string text, string expected)
    {
        var reply = await new ClusterFixture().AskAsync(text);

        Assert.Equal(ReplyOutcome.Failed, reply.Outcome);
        Assert.Contains(expected, ClusterFixture.Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vm_NoName_SaysItNeedsOne()
    {
        var reply = await new ClusterFixture().AskAsync("vm");

        Assert.Contains("`vm` needs `<name>`", ClusterFixture.Text(reply), StringComparison.Ordinal);
    }
}
