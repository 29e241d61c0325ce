using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Tests.Lab;

/// <summary>The embedded modern lab, how <c>LabFile</c> chooses a lab, and the modern fields a lab file may set.</summary>
public sealed class ModernLabTests
{
    [Theory]
    [InlineData("modern", true)]
    [InlineData("MODERN", true)]
    [InlineData("default", true)]
    [InlineData("vintage", false)]
    [InlineData("/nowhere/lab.yaml", false)]
    public void LabFile_AnEmbeddedLabsNameOrAnExistingFile(string value, bool valid)
    {
        var result = new ClusterOptionsValidator().Validate(null, new ClusterOptions { LabFile = value });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("neither an embedded lab (default, modern) nor a file that exists", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("00:00:30", false)]
    [InlineData("04:00:00", true)]
    [InlineData("8.00:00:00", false)]
    public void DiagnoseEventWindow_FromAMinuteToSevenDays(string window, bool valid) =>
        Assert.Equal(valid, new ClusterOptionsValidator().Validate(null, new ClusterOptions { DiagnoseEventWindow = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) }).Succeeded);

    [Fact]
    public void Modern_IsA2022ClusterWithACloudWitnessAndDynamicQuorum_AndItsFaultsLive()
    {
        var snapshot = LabClusters.Load("modern").Snapshot();

        Assert.Equal(("HVC22", WitnessKind.Cloud, true, 11), (snapshot.Name, snapshot.Quorum.Witness, snapshot.Quorum.DynamicQuorum == true, snapshot.FunctionalLevel.Current));
        var checks = ClusterChecks.RunAll(snapshot).Findings.Select(f => f.CheckId).ToHashSet();
        Assert.Superset(new HashSet<string> { CheckIds.CsvAccess, CheckIds.WitnessHealth, CheckIds.VmCriticalState, CheckIds.NodeState, CheckIds.ProcessorParity, CheckIds.MixedVersions }, checks);
    }

    [Fact]
    public void CsvAccess_ToADiskThatIsNotACsv_RefusedWithTheNodeNamed()
    {
        var yaml = SmallLab.Yaml
            .Replace("- { name: N2, site: A }", "- { name: N2, site: A, csvAccess: [{ csv: LUN9, mode: Paused }] }", StringComparison.Ordinal)
            + "\ndisks:\n  - { id: LUN9, sizeGb: 10, volumeGuid: 6c1f8e2a-1b3d-4e5f-8a9b-0c1d2e3f4a99, csv: false }\n";

        var error = Assert.Throws<LabDefinitionException>(() => LabClusters.Parse(yaml));

        Assert.Contains("Node 'N2' lists access to 'LUN9', which is not a CSV under disks.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParitySweep_IncludesTheProcessor() =>
        Assert.Contains(ClusterChecks.Parity, c => c.Id == CheckIds.ProcessorParity);
}
