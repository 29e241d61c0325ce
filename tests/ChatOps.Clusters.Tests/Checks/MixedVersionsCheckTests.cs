using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

/// <summary>Rolling upgrades left half done (learn.microsoft.com "Cluster operating system rolling upgrade").</summary>
public sealed class MixedVersionsCheckTests
{
    [Theory]
    [InlineData("10.0.20348.2762", "10.0.20348.2582", null, null, null)]
    [InlineData("10.0.20348.2762", "10.0.26100.2314", 11, 11, Severity.Medium)]
    [InlineData("10.0.20348.2762", "10.0.20348.2762", 11, 11, null)]
    [InlineData("10.0.14393.7000", "10.0.14393.7000", 8, 9, Severity.Low)]
    [InlineData("6.3.9600.19913", "6.3.9600.19913", null, null, null)]
    public void Versions_AndFunctionalLevel(string most, string n3, int? level, int? upgrade, Severity? expected)
    {
        var snapshot = SnapshotBuilder.Healthy()
            .Inventory("N1", i => i with { OsBuild = most })
            .Inventory("N2", i => i with { OsBuild = most })
            .Inventory("N3", i => i with { OsBuild = n3 })
            .Build() with { FunctionalLevel = new FunctionalLevel(level, upgrade) };

        var findings = CheckAssert.Subjects(CheckIds.MixedVersions, snapshot, KbIds.MixedVersionsFunctionalLevel, expected is null ? [] : ["TEST"]);

        Assert.Equal(expected, findings.SingleOrDefault()?.Severity);
    }

    [Fact]
    public void MixedVersions_NamesEachVersionsNodes_AndTheOlderOnesToUpgrade()
    {
        var snapshot = SnapshotBuilder.Healthy()
            .Inventory("N1", i => i with { OsBuild = "10.0.20348.2762" })
            .Inventory("N2", i => i with { OsBuild = "10.0.20348.2762" })
            .Inventory("N3", i => i with { OsBuild = "10.0.26100.2314" })
            .Build() with { FunctionalLevel = new FunctionalLevel(11, 11) };

        var finding = Assert.Single(ClusterChecks.Find(CheckIds.MixedVersions)!.Run(snapshot));

        Assert.StartsWith("The nodes run different Windows versions (10.0.20348 on N1, N2; 10.0.26100 on N3)", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("functional level 11", finding.Evidence, StringComparison.Ordinal);
        Assert.Equal(["N1", "N2"], finding.Nodes);
        // A rolling upgrade is not a patch level: hotfix-parity compares update revisions within one version only.
        Assert.Empty(ClusterChecks.Find(CheckIds.HotfixParity)!.Run(snapshot));
    }
}
