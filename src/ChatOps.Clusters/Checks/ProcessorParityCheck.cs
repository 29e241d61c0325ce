using ChatOps.Clusters.Checks.Parity;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// Processor model, microcode and speculation-control settings should match across nodes: Microsoft names
/// differences between nodes as the most common cause of failed live migrations (a VM without processor
/// compatibility cannot move to a node lacking a feature it uses).
/// </summary>
internal sealed class ProcessorParityCheck : IClusterCheck
{
    public string Id => CheckIds.ProcessorParity;

    public string Title => "Processor model, microcode and speculation control alike";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot) =>
        ParityFindings.For(
            snapshot.Name,
            ParityMatrix.Build(snapshot).Where(r => r.Category == ParityCategories.Processor),
            Id,
            KbIds.LiveMigrationFailed,
            _ => Severity.Medium,
            "of the processor");
}
