using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

public sealed class HostChecksTests
{
    private static readonly Dictionary<string, Func<SnapshotBuilder, SnapshotBuilder>> Scenarios = new()
    {
        ["healthy"] = b => b,
        ["no SLAT on N2"] = b => b.Inventory("N2", i => i with { Hardware = i.Hardware with { Slat = false } }),
        ["no VT on N1"] = b => b.Inventory("N1", i => i with { Hardware = i.Hardware with { Virtualization = false } }),
        ["three NICs on N3"] = b => b.Inventory("N3", i => i with { Nics = [.. i.Nics.Take(3)] }),
        ["teamed iSCSI on N1"] = b => b.Inventory("N1", i => i with { Nics = [.. i.Nics.Select(n => n.Role == NicRole.Iscsi ? n with { Teamed = true } : n)] }),
        ["iSCSI on client subnet on N2"] = b => b.Inventory("N2", i => i with { Nics = [.. i.Nics.Select(n => n.Role == NicRole.Iscsi ? n with { Subnet = "10.2.10.0/24" } : n)] }),
        ["N2 paused"] = b => b.State("N2", NodeState.Paused),
        ["N3 down but answering"] = b => b.State("N3", NodeState.Down),
        ["N3 down and silent"] = b => b.State("N3", NodeState.Down).Unreachable("N3"),
        ["N1 joining"] = b => b.State("N1", NodeState.Joining),
        ["N2 state Unknown"] = b => b.State("N2", NodeState.Unknown),
        ["N2 quarantined"] = b => b.Status("N2", NodeStatusInformation.Quarantined),
        ["N3 isolated"] = b => b.Status("N3", NodeStatusInformation.Isolated),
        ["N1 says Normal"] = b => b.Status("N1", NodeStatusInformation.Normal),
        ["N1 drain failed"] = b => b.Drain("N1", NodeDrainStatus.Failed),
        ["N1 drain in progress"] = b => b.Drain("N1", NodeDrainStatus.InProgress),
        ["N1 cannot resolve N3"] = b => b.CannotResolve("N1", "N3"),
        ["stale DNS on N2"] = b => b.Inventory("N2", i => i with { StaleDnsEntries = ["WEB-03.contoso.local"] }),
    };

    [Theory]
    [InlineData(CheckIds.HardwarePrerequisites, KbIds.HostHardware, "healthy")]
    [InlineData(CheckIds.HardwarePrerequisites, KbIds.HostHardware, "no SLAT on N2", "N2")]
    [InlineData(CheckIds.HardwarePrerequisites, KbIds.HostHardware, "no VT on N1", "N1")]
    [InlineData(CheckIds.HardwarePrerequisites, KbIds.HostHardware, "three NICs on N3", "N3")]
    [InlineData(CheckIds.StorageNetwork, KbIds.IscsiNetwork, "healthy")]
    [InlineData(CheckIds.StorageNetwork, KbIds.IscsiNetwork, "teamed iSCSI on N1", "N1")]
    [InlineData(CheckIds.StorageNetwork, KbIds.IscsiNetwork, "iSCSI on client subnet on N2", "N2")]
    [InlineData(CheckIds.NodeState, KbIds.HostIsolation, "healthy")]
    [InlineData(CheckIds.NodeState, KbIds.HostIsolation, "N2 paused", "N2")]
    [InlineData(CheckIds.NodeState, KbIds.HostIsolation, "N3 down but answering", "N3")]
    [InlineData(CheckIds.NodeState, KbIds.HostIsolation, "N3 down and silent", "N3")]
    [InlineData(CheckIds.NodeState, KbIds.HostIsolation, "N1 joining", "N1")]
    [InlineData(CheckIds.NodeState, KbIds.HostIsolation, "N2 state Unknown", "N2")]
    [InlineData(CheckIds.NodeState, KbIds.NodeQuarantinedOrIsolated, "N2 quarantined", "N2")]
    [InlineData(CheckIds.NodeState, KbIds.NodeQuarantinedOrIsolated, "N3 isolated", "N3")]
    [InlineData(CheckIds.NodeState, KbIds.NodeQuarantinedOrIsolated, "N1 says Normal")]
    [InlineData(CheckIds.NodeState, KbIds.NodeDrainFailed, "N1 drain failed", "N1")]
    [InlineData(CheckIds.NodeState, KbIds.NodeDrainFailed, "N1 drain in progress")]
    [InlineData(CheckIds.DnsResolution, KbIds.ClusterPrerequisites, "healthy")]
    [InlineData(CheckIds.DnsResolution, KbIds.ClusterPrerequisites, "N1 cannot resolve N3", "N1")]
    [InlineData(CheckIds.DnsResolution, KbIds.MultisiteDns, "stale DNS on N2", "N2")]
    [InlineData(CheckIds.ClusterNetworks, KbIds.ClusterPrerequisites, "healthy")]
    [InlineData(CheckIds.ClusterNetworks, KbIds.ClusterPrerequisites, "three NICs on N3", "N3")]
    [InlineData(CheckIds.ClusterNetworks, KbIds.ClusterPrerequisites, "iSCSI on client subnet on N2")]
    public void Run_Scenario_ReportsNodes(string checkId, string kbId, string scenario, params string[] expected) =>
        CheckAssert.Subjects(checkId, Scenarios[scenario](SnapshotBuilder.Healthy(nodes: 4)).Build(), kbId, expected);

    [Theory]
    [InlineData("no SLAT on N2", Severity.Low)]
    [InlineData("no VT on N1", Severity.Critical)]
    public void HardwarePrerequisites_MissingFeature_HasSeverity(string scenario, Severity expected)
    {
        var snapshot = Scenarios[scenario](SnapshotBuilder.Healthy()).Build();

        var finding = Assert.Single(ClusterChecks.Find(CheckIds.HardwarePrerequisites)!.Run(snapshot));

        Assert.Equal(expected, finding.Severity);
    }

    [Fact]
    public void NodeState_DownAndQuarantinedButAnsweringProbes_OnlyTheClustersOwnWord_NotAnIsolationGuess()
    {
        var snapshot = SnapshotBuilder.Healthy().State("N2", NodeState.Down).Status("N2", NodeStatusInformation.Quarantined).Build();

        var finding = Assert.Single(CheckAssert.Subjects(CheckIds.NodeState, snapshot, KbIds.NodeQuarantinedOrIsolated, "N2"));
        Assert.StartsWith("The cluster has quarantined N2", finding.Evidence, StringComparison.Ordinal);
    }
}
