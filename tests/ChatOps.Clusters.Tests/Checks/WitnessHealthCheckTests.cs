using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

/// <summary>The witness resource's health, per kind (learn.microsoft.com "Deploy a cloud witness", "Configure and manage quorum").</summary>
public sealed class WitnessHealthCheckTests
{
    [Theory]
    [InlineData(WitnessKind.Cloud, "contosowitness", "Online", true, null, null)]
    [InlineData(WitnessKind.Cloud, "contosowitness", null, null, null, null)]
    [InlineData(WitnessKind.Cloud, "contosowitness", "Failed", false, KbIds.CloudWitnessUnreachable, "The cloud witness (storage account contosowitness) is Failed")]
    [InlineData(WitnessKind.FileShare, @"\\FS01\Witness", "Offline", false, KbIds.CloudWitnessUnreachable, @"The file-share witness \\FS01\Witness is Offline")]
    [InlineData(WitnessKind.Disk, "Cluster Disk 1", "Failed", false, KbIds.QuorumConfiguration, "The disk witness Cluster Disk 1 is Failed")]
    [InlineData(WitnessKind.None, null, null, false, null, null)]
    public void Witness_ReportedWhenNotOnline_NamedByKind(WitnessKind kind, string? location, string? state, bool? online, string? kb, string? evidence)
    {
        var type = kind switch { WitnessKind.None => QuorumType.NodeMajority, WitnessKind.Disk => QuorumType.NodeAndDiskMajority, WitnessKind.Cloud => QuorumType.NodeAndCloudMajority, _ => QuorumType.NodeAndFileShareMajority };
        var snapshot = SnapshotBuilder.Healthy()
            .Quorum(new Quorum(type, kind, location, "C") { WitnessState = state, WitnessOnline = online })
            .Build();

        var findings = ClusterChecks.Find(CheckIds.WitnessHealth)!.Run(snapshot).ToList();

        if (kb is null)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal((Severity.Medium, kb), (finding.Severity, finding.KbId));
        Assert.StartsWith(evidence!, finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("does not vote", finding.Evidence, StringComparison.Ordinal);
    }
}
