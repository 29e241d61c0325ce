using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

/// <summary>
/// CSV access per node as <c>Get-ClusterSharedVolumeState</c> reports it (learn.microsoft.com,
/// "Use Cluster Shared Volumes in a failover cluster" and clusapi CLUSTER_SHARED_VOLUME_STATE_INFO_EX):
/// paused is a stall, redirected has a reason to fix unless it is ReFS by design or BitLocker's first pass.
/// </summary>
public sealed class CsvAccessCheckTests
{
    private static readonly Guid Volume = Guid.Parse("5f0b6a4e-1d8c-4c7e-9a3b-2e6f8d1c0a97");

    [Theory]
    [InlineData(CsvIoMode.Direct, "", null, null)]
    [InlineData(CsvIoMode.FileSystemRedirected, "FileSystemReFs", null, null)]
    [InlineData(CsvIoMode.FileSystemRedirected, "BitLockerInitializing", null, null)]
    [InlineData(CsvIoMode.Paused, "", Severity.High, KbIds.CsvPausedIoTimeout)]
    [InlineData(CsvIoMode.BlockRedirected, "NoDiskConnectivity", Severity.Medium, KbIds.CsvRedirectedAccess)]
    [InlineData(CsvIoMode.FileSystemRedirected, "IncompatibleFileSystemFilter", Severity.Medium, KbIds.CsvRedirectedAccess)]
    [InlineData(CsvIoMode.FileSystemRedirected, "FileSystemReFs,IncompatibleVolumeFilter", Severity.Medium, KbIds.CsvRedirectedAccess)]
    [InlineData(CsvIoMode.FileSystemRedirected, "", Severity.Medium, KbIds.CsvRedirectedAccess)]
    [InlineData(CsvIoMode.FileSystemRedirected, "UserRequest", Severity.Low, KbIds.CsvRedirectedAccess)]
    public void OneNodesAccess_JudgedByModeAndReason(CsvIoMode mode, string reasons, Severity? severity, string? kb)
    {
        var snapshot = WithAccess(("N2", new CsvAccess("CSV7", mode, Split(reasons))));

        var findings = ClusterChecks.Find(CheckIds.CsvAccess)!.Run(snapshot).ToList();

        if (severity is null)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal((severity, kb, "CSV7"), (finding.Severity, finding.KbId, finding.Subject));
        Assert.Equal(["N2"], finding.Nodes);
        Assert.Equal(["DB-01"], finding.Vms);
        Assert.Contains("N2", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void SameRedirectOnSeveralNodes_OneFindingNamingThemAll_WithTheReason()
    {
        var snapshot = WithAccess(
            ("N1", new CsvAccess("CSV7", CsvIoMode.BlockRedirected, ["NoDiskConnectivity"])),
            ("N3", new CsvAccess("CSV7", CsvIoMode.BlockRedirected, ["NoDiskConnectivity"])));

        var finding = Assert.Single(CheckAssert.Subjects(CheckIds.CsvAccess, snapshot, KbIds.CsvRedirectedAccess, "CSV7"));

        Assert.Equal(["N1", "N3"], finding.Nodes);
        Assert.Equal(
            "CSV CSV7 is block redirected on N1, N3 (NoDiskConnectivity): its I/O goes over the network through the coordinator node; VMs stored on it: DB-01.",
            finding.Evidence);
    }

    [Fact]
    public void NodeThatCouldNotReadItsDisks_NotJudged_EvenWithAStaleAccessList()
    {
        var snapshot = Builder([("N2", new CsvAccess("CSV7", CsvIoMode.Paused, []))])
            .Inventory("N2", i => i with { Unread = new Dictionary<InventoryPart, NodeFailure> { [InventoryPart.Disks] = new(NodeFailureKind.Error, "The cluster service is not running.") } })
            .Build();

        CheckAssert.Subjects(CheckIds.CsvAccess, snapshot, KbIds.CsvPausedIoTimeout);
    }

    private static ClusterSnapshot WithAccess(params (string Node, CsvAccess Access)[] access) => Builder(access).Build();

    private static SnapshotBuilder Builder((string Node, CsvAccess Access)[] access)
    {
        var builder = SnapshotBuilder.Healthy()
            .Disk(new ClusterDisk("CSV7", 2048, Volume, IsCsv: true, @"C:\ClusterStorage\Volume1"))
            .Vm("DB-01", "N1")
            .WithVm("DB-01", v => v with { ConfigVolume = Volume });
        foreach (var (node, a) in access)
        {
            builder = builder.Inventory(node, i => i with { CsvAccess = [a] });
        }

        return builder;
    }

    private static string[] Split(string reasons) => reasons.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
