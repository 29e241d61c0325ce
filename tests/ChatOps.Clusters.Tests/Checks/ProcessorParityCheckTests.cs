using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

/// <summary>Processor parity: the model, the microcode among nodes of one model, and the speculation-control configuration.</summary>
public sealed class ProcessorParityCheckTests
{
    private static readonly ProcessorInfo Gold6338 = new("GenuineIntel", "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz") { Microcode = "0xd0003b9", SpeculationControl = (72, 3) };

    private static SnapshotBuilder Alike(int nodes = 4)
    {
        var builder = SnapshotBuilder.Healthy(nodes);
        for (var n = 1; n <= nodes; n++)
        {
            builder = builder.Inventory($"N{n}", i => i with { Processor = Gold6338 });
        }

        return builder;
    }

    [Fact]
    public void Alike_NoFinding() =>
        CheckAssert.Subjects(CheckIds.ProcessorParity, Alike().Build(), KbIds.LiveMigrationFailed);

    [Fact]
    public void NewerModelWithItsOwnMicrocode_OneModelFinding_NotAlsoAMicrocodeOne()
    {
        var snapshot = Alike().Inventory("N4", i => i with { Processor = Gold6338 with { Name = "Intel(R) Xeon(R) Gold 6438Y+ CPU @ 2.00GHz", Microcode = "0x2b000590" } }).Build();

        var finding = Assert.Single(CheckAssert.Subjects(CheckIds.ProcessorParity, snapshot, KbIds.LiveMigrationFailed, "N4"));
        Assert.Equal("model of the processor on N4 is Intel(R) Xeon(R) Gold 6438Y+ CPU @ 2.00GHz; 3 of 4 nodes have Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz.", finding.Evidence);
    }

    [Fact]
    public void SameModelOtherMicrocode_AndOtherSpeculationSettings_EachNamed()
    {
        var snapshot = Alike()
            .Inventory("N2", i => i with { Processor = Gold6338 with { Microcode = "0xd000390" } })
            .Inventory("N3", i => i with { Processor = Gold6338 with { SpeculationControl = (null, null) } })
            .Build();

        var findings = CheckAssert.Subjects(CheckIds.ProcessorParity, snapshot, KbIds.LiveMigrationFailed, "N2", "N3");
        Assert.Contains(findings, f => f.Evidence == "microcode of the processor on N2 is 0xd000390; 3 of 4 nodes have 0xd0003b9.");
        Assert.Contains(findings, f => f.Evidence.StartsWith("speculation control of the processor on N3 is not set (Windows defaults)", StringComparison.Ordinal));
    }

    [Fact]
    public void NodeThatDidNotReportItsProcessor_NeitherOutlierNorCounted()
    {
        var snapshot = Alike()
            .Inventory("N2", i => i with { Processor = null })
            .Inventory("N3", i => i with { Unread = new Dictionary<InventoryPart, NodeFailure> { [InventoryPart.Processor] = new(NodeFailureKind.AccessDenied, "Access is denied.") } })
            .Build();

        CheckAssert.Subjects(CheckIds.ProcessorParity, snapshot, KbIds.LiveMigrationFailed);
    }
}
