using ChatOps.Clusters.Lab;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Tests.Clusters;

/// <summary>
/// The embedded modern lab (a Windows Server 2022 cluster, <c>ChatOps:Cluster:LabFile=modern</c>): each modern
/// failure mode it seeds is reported by <c>diagnose</c> with its runbook, its events listed by <c>events</c>,
/// and the processor-compatibility blocker named by <c>migrate-check</c>.
/// </summary>
public sealed class ModernLabTests
{
    private static ClusterFixture Modern() => new(lab: LabClusters.Load("modern"));

    [Fact]
    public async Task Diagnose_ReportsTheQuarantinedNode_TheRedirectedCsv_TheCriticalVm_AndTheCloudWitness_EachWithItsRunbook()
    {
        var reply = await Modern().AskAsync("diagnose --details");

        var text = ClusterFixture.Text(reply);
        var runbooks = ClusterFixture.Links(reply).Select(l => l.KbId ?? string.Empty).ToHashSet();
        Assert.Contains("The cluster has quarantined HV22-02", text, StringComparison.Ordinal);
        Assert.Contains("CSV Cluster Disk 2 is block redirected on HV22-03 (NoDiskConnectivity)", text, StringComparison.Ordinal);
        Assert.Contains("FIN-DB01: Hyper-V on HV22-04 reports PausedCritical", text, StringComparison.Ordinal);
        Assert.Contains("The cloud witness (storage account contosowitness) is Failed", text, StringComparison.Ordinal);
        Assert.Superset(
            new HashSet<string> { "node-quarantined-or-isolated", "csv-redirected-access", "vm-critical-states", "cloud-witness-unreachable", "csv-paused-io-timeout", "node-drain-failed", "live-migration-failed" },
            runbooks);
        // The cluster's own word on HV22-02 replaces the "Down but answering, so isolated" guess.
        Assert.DoesNotContain("HV22-02 is Down in the cluster but answers probes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_ListTheSeededFailuresEventsUnderTheirRunbooks_WithCounts()
    {
        var reply = await Modern().AskAsync("events");

        var rows = ClusterFixture.Table(reply).ToDictionary(r => r["Runbook"].Text, r => (r["Events"].Text, r["Count"].Text, r["Nodes"].Text));
        Assert.Equal(("FailoverClustering 1135", "3", "HV22-01"), rows["node-removed-from-membership"]);
        Assert.Equal(("FailoverClustering 1672", "1", "HV22-01"), rows["node-quarantined-or-isolated"]);
        Assert.Equal(("FailoverClustering 1568", "2", "HV22-01"), rows["cloud-witness-unreachable"]);
        Assert.Equal(("Hyper-V-High-Availability 21502", "1", "HV22-01"), rows["live-migration-failed"]);
        Assert.Equal("3", rows["csv-paused-io-timeout"].Item2);
        Assert.Equal("2", rows["node-drain-failed"].Item2);
    }

    [Fact]
    public async Task MigrateCheck_ToTheNewerProcessorGeneration_NamesTheProcessorCompatibilityBlocker()
    {
        var reply = await Modern().AskAsync("migrate-check APP22-01 HV22-05");

        Assert.Equal("Live migration of APP22-01 to HV22-05", reply.Heading);
        var row = Assert.Single(ClusterFixture.Table(reply));
        Assert.Equal(("blocked", CellStatus.Attention), (row["Verdict"].Text, row["Verdict"].Status));
        Assert.StartsWith("Processor compatibility: off for APP22-01", row["Why"].Text, StringComparison.Ordinal);
        Assert.Contains("Gold 6438Y+", row["Why"].Text, StringComparison.Ordinal);
        Assert.Contains(ClusterFixture.Links(reply), l => l.KbId == "live-migration-failed");
    }

    [Fact]
    public async Task MigrateCheck_CompatibilityOn_SameMoveIsReady_WithTheModelDifferenceAsAWarning()
    {
        var reply = await Modern().AskAsync("migrate-check APP22-02 HV22-05");

        var row = Assert.Single(ClusterFixture.Table(reply));
        Assert.Equal("ready, with warnings", row["Verdict"].Text);
        Assert.Contains("processor compatibility is on", row["Why"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateCheck_EveryNode_TheQuarantinedAndPausedOnesBlocked_AndDelegationSaidToBeUnread()
    {
        var reply = await Modern().AskAsync("migrate-check app22-01");

        var verdicts = ClusterFixture.Table(reply).ToDictionary(r => r["Node"].Text, r => r["Verdict"].Text);
        Assert.Equal(["HV22-02", "HV22-03", "HV22-04", "HV22-05", "HV22-06"], verdicts.Keys.Order());
        Assert.Equal("blocked", verdicts["HV22-02"]);
        Assert.Equal("blocked", verdicts["HV22-06"]);
        Assert.Equal("ready", verdicts["HV22-03"]);
        Assert.Contains("Kerberos constrained delegation is not read", ClusterFixture.Text(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("migrate-check NOPE-01", "VM")]
    [InlineData("migrate-check APP22-01 HV99", "node")]
    public async Task MigrateCheck_UnknownNames_ClearAnswer(string text, string what)
    {
        var reply = await Modern().AskAsync(text);

        Assert.Contains($"no {what}", ClusterFixture.Text(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Node_ShowsTheProcessorMicrocodeAndSpeculationSettings_SaidToBeConfiguration()
    {
        var reply = await Modern().AskAsync("node HV22-05");

        Assert.Equal("Intel(R) Xeon(R) Gold 6438Y+ CPU @ 2.00GHz (GenuineIntel), microcode 0x2b000590", ClusterFixture.Fact(reply, "Processor").Value);
        Assert.Equal("FeatureSettingsOverride=72, Mask=3 — the configuration, not what is in effect", ClusterFixture.Fact(reply, "Speculation control").Value);
    }
}
