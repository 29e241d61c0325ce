using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

public sealed class ParityChecksTests
{
    private static readonly Dictionary<string, Func<SnapshotBuilder, SnapshotBuilder>> Scenarios = new()
    {
        ["healthy"] = b => b,
        ["newer MPIO driver on N3"] = b => b.Inventory("N3", i => i with { Drivers = [new("MPIO", "HP MPIO DSM", "4.02.00"), i.Drivers[1]] }),
        ["NIC driver missing on N2"] = b => b.Inventory("N2", i => i with { Drivers = [i.Drivers[0]] }),
        ["older BIOS on N1"] = b => b.Inventory("N1", i => i with { Firmware = [new("BIOS", "I27 2009-07-10"), i.Firmware[1]] }),
        ["older HBA firmware on N2"] = b => b.Inventory("N2", i => i with { Firmware = [i.Firmware[0], new("HBA", "4.03a2")] }),
        ["KB970529 missing on N2"] = b => b.Inventory("N2", i => i with { Hotfixes = ["KB974909"] }),
        ["extra hotfix on N3"] = b => b.Inventory("N3", i => i with { Hotfixes = [.. i.Hotfixes, "KB2000977"] }),
        ["ASR on N1"] = b => b.Inventory("N1", i => i with { AsrEnabled = true }),
        ["ASR on N1 unreachable"] = b => b.Inventory("N1", i => i with { AsrEnabled = true }).Unreachable("N1"),
    };

    [Theory]
    [InlineData(CheckIds.DriverParity, KbIds.DriverParity, "healthy")]
    [InlineData(CheckIds.DriverParity, KbIds.DriverParity, "newer MPIO driver on N3", "N3")]
    [InlineData(CheckIds.DriverParity, KbIds.DriverParity, "NIC driver missing on N2", "N2")]
    [InlineData(CheckIds.DriverParity, KbIds.DriverParity, "older BIOS on N1")]
    [InlineData(CheckIds.FirmwareParity, KbIds.FirmwareParity, "healthy")]
    [InlineData(CheckIds.FirmwareParity, KbIds.FirmwareParity, "older BIOS on N1", "N1")]
    [InlineData(CheckIds.FirmwareParity, KbIds.FirmwareParity, "older HBA firmware on N2", "N2")]
    [InlineData(CheckIds.FirmwareParity, KbIds.FirmwareParity, "newer MPIO driver on N3")]
    [InlineData(CheckIds.HotfixParity, KbIds.PatchLevelParity, "healthy")]
    [InlineData(CheckIds.HotfixParity, KbIds.PatchLevelParity, "KB970529 missing on N2", "N2")]
    [InlineData(CheckIds.HotfixParity, KbIds.PatchLevelParity, "extra hotfix on N3", "N3")]
    [InlineData(CheckIds.Kb970529Missing, KbIds.VolumeGuidChange, "healthy")]
    [InlineData(CheckIds.Kb970529Missing, KbIds.VolumeGuidChange, "KB970529 missing on N2", "N2")]
    [InlineData(CheckIds.Kb970529Missing, KbIds.VolumeGuidChange, "extra hotfix on N3")]
    [InlineData(CheckIds.AsrEnabled, KbIds.HpAsr, "healthy")]
    [InlineData(CheckIds.AsrEnabled, KbIds.HpAsr, "ASR on N1", "N1")]
    [InlineData(CheckIds.AsrEnabled, KbIds.HpAsr, "ASR on N1 unreachable")]
    public void Run_Scenario_ReportsOutlierNodes(string checkId, string kbId, string scenario, params string[] expected) =>
        CheckAssert.Subjects(checkId, Scenarios[scenario](SnapshotBuilder.Healthy()).Build(), kbId, expected);

    [Fact]
    public void DriverParity_TwoNodesDisagree_ReportsMixedOnTheCluster()
    {
        var snapshot = SnapshotBuilder.Healthy(nodes: 2)
            .Inventory("N2", i => i with { Drivers = [new("MPIO", "EMC PowerPath", "5.3"), i.Drivers[1]] })
            .Build();

        var finding = Assert.Single(CheckAssert.Subjects(CheckIds.DriverParity, snapshot, KbIds.DriverParity, "TEST"));

        Assert.Contains("no majority", finding.Evidence, StringComparison.Ordinal);
        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void DriverParity_Outlier_EvidenceNamesBothVersions()
    {
        var snapshot = Scenarios["newer MPIO driver on N3"](SnapshotBuilder.Healthy()).Build();

        var finding = Assert.Single(ClusterChecks.Find(CheckIds.DriverParity)!.Run(snapshot));

        Assert.Equal("MPIO driver on N3 is HP MPIO DSM 4.02.00; 2 of 3 nodes have HP MPIO DSM 4.01.00.", finding.Evidence);
    }
}
