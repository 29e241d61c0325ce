using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Planning;

/// <summary>
/// Live-migration readiness from N1 (site A) to N3 (site A, same live-migration subnet), one difference at a time
/// (learn.microsoft.com "Processor compatibility mode in Hyper-V": not across vendors; "Live migration overview").
/// </summary>
public sealed class MigrationReadinessTests
{
    private static readonly ProcessorInfo Gold6338 = new("GenuineIntel", "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz") { Microcode = "0xd0003b9", SpeculationControl = (72, 3) };

    private static readonly Dictionary<string, Func<SnapshotBuilder, SnapshotBuilder>> Scenarios = new()
    {
        ["same everything"] = b => b,
        ["other vendor"] = b => b.Inventory("N3", i => i with { Processor = new ProcessorInfo("AuthenticAMD", "AMD EPYC 7543 32-Core Processor") }),
        ["newer model, compatibility off"] = b => b.Inventory("N3", i => i with { Processor = Gold6338 with { Name = "Intel(R) Xeon(R) Gold 6438Y+ CPU @ 2.00GHz" } }),
        ["newer model, compatibility on"] = b => b.Inventory("N3", i => i with { Processor = Gold6338 with { Name = "Intel(R) Xeon(R) Gold 6438Y+ CPU @ 2.00GHz" } })
            .WithVm("N1-VM1", v => v with { ProcessorCompatibility = true }),
        ["other microcode"] = b => b.Inventory("N3", i => i with { Processor = Gold6338 with { Microcode = "0xd000390" } }),
        ["other speculation settings"] = b => b.Inventory("N3", i => i with { Processor = Gold6338 with { SpeculationControl = (null, null) } }),
        ["processor unknown"] = b => b.Inventory("N3", i => i with { Processor = null }),
        ["too little memory"] = b => b.Inventory("N3", i => i with { MemoryFreeMb = 1024 }),
        ["disk hidden"] = b => b.HideDisk("N3", "CSV1"),
        ["csv paused there"] = b => b.Inventory("N3", i => i with { CsvAccess = [new CsvAccess("CSV1", CsvIoMode.Paused, [])] }),
        ["csv redirected there"] = b => b.Inventory("N3", i => i with { CsvAccess = [new CsvAccess("CSV1", CsvIoMode.BlockRedirected, ["NoDiskConnectivity"])] }),
        ["csv ReFS there"] = b => b.Inventory("N3", i => i with { CsvAccess = [new CsvAccess("CSV1", CsvIoMode.FileSystemRedirected, ["FileSystemReFs"])] }),
        ["target paused"] = b => b.State("N3", NodeState.Paused),
        ["target quarantined"] = b => b.Status("N3", NodeStatusInformation.Quarantined),
        ["other build"] = b => b.Inventory("N1", i => i with { OsBuild = "10.0.20348.2762" }).Inventory("N3", i => i with { OsBuild = "10.0.26100.2314" }),
        ["no shared migration network"] = b => b.Inventory("N3", i => i with { Nics = [.. i.Nics.Where(n => n.Role != NicRole.LiveMigration), new HostNic("LM", NicRole.LiveMigration, "10.9.2.0/24", false)] }),
        ["target silent"] = b => b.Unreachable("N3"),
    };

    [Theory]
    [InlineData("same everything", true, null, null)]
    [InlineData("other vendor", false, "Processor vendor: N1 is GenuineIntel, N3 is AuthenticAMD", null)]
    [InlineData("newer model, compatibility off", false, "Processor compatibility: off for N1-VM1", null)]
    [InlineData("newer model, compatibility on", true, null, "Processor models differ")]
    [InlineData("other microcode", true, null, "Microcode differs on the same processor: N1 0xd0003b9, N3 0xd000390")]
    [InlineData("other speculation settings", true, null, "Speculation-control settings differ: N1 FeatureSettingsOverride=72, Mask=3, N3 not set (Windows defaults)")]
    [InlineData("processor unknown", true, null, null)]
    [InlineData("too little memory", false, "N1-VM1 needs 4 GB; N3 has 1 GB free.", null)]
    [InlineData("disk hidden", false, "N3 cannot see CSV1", null)]
    [InlineData("csv paused there", false, "I/O to CSV1, where N1-VM1 is stored, is paused on N3.", null)]
    [InlineData("csv redirected there", true, null, "N3 reaches CSV1 redirected (NoDiskConnectivity)")]
    [InlineData("csv ReFS there", true, null, null)]
    [InlineData("target paused", false, "N3 is Paused", null)]
    [InlineData("target quarantined", false, "N3 is Quarantined", null)]
    [InlineData("other build", true, null, "Mixed Windows builds: N1 10.0.20348.2762, N3 10.0.26100.2314")]
    [InlineData("no shared migration network", true, null, "N1 and N3 share no live-migration network")]
    [InlineData("target silent", true, null, null)]
    public void OneDifference_OneVerdict(string scenario, bool ready, string? blocker, string? warning)
    {
        var builder = SnapshotBuilder.Healthy()
            .Inventory("N1", i => i with { Processor = Gold6338 })
            .Inventory("N3", i => i with { Processor = Gold6338 });
        var snapshot = Scenarios[scenario](builder).Build();

        var target = Assert.Single(MigrationReadiness.Check(snapshot, snapshot.FindVm("N1-VM1")!, "N3"));

        Assert.Equal(ready, target.IsReady);
        if (blocker is null)
        {
            Assert.Empty(target.Blockers);
        }
        else
        {
            Assert.StartsWith(blocker, Assert.Single(target.Blockers), StringComparison.Ordinal);
        }

        if (warning is null)
        {
            Assert.Empty(target.Warnings);
        }
        else
        {
            Assert.StartsWith(warning, Assert.Single(target.Warnings), StringComparison.Ordinal);
        }

        Assert.Contains(MigrationReadiness.DelegationUnknown, target.Unknown);
    }

    [Fact]
    public void NoNodeNamed_EveryNodeButTheOwner()
    {
        var snapshot = SnapshotBuilder.Healthy().Build();

        var targets = MigrationReadiness.Check(snapshot, snapshot.FindVm("N2-VM1")!);

        Assert.Equal(["N1", "N3"], targets.Select(t => t.Node));
    }

    [Fact]
    public void TheOwnerNamed_BlockedAsAlreadyThere()
    {
        var snapshot = SnapshotBuilder.Healthy().Build();

        var target = Assert.Single(MigrationReadiness.Check(snapshot, snapshot.FindVm("N1-VM1")!, "N1"));

        Assert.Equal("N1-VM1 already runs on N1.", Assert.Single(target.Blockers));
    }
}
