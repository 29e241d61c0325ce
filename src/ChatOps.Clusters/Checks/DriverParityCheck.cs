using ChatOps.Clusters.Checks.Parity;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>Driver versions per device class must match on every node; mixed MPIO drivers break failover.</summary>
internal sealed class DriverParityCheck : IClusterCheck
{
    public string Id => CheckIds.DriverParity;

    public string Title => "Driver versions per device class";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot) =>
        ParityFindings.For(
            snapshot.Name,
            ParityMatrix.Build(snapshot).Where(r => r.Category == ParityCategories.Driver),
            Id,
            KbIds.DriverParity,
            r => r.Component.Equals("MPIO", StringComparison.OrdinalIgnoreCase) || r.Component.Equals("HBA", StringComparison.OrdinalIgnoreCase) ? Severity.High : Severity.Medium,
            "driver");
}
