using ChatOps.Clusters.Checks.Parity;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>Firmware of every data-path component (BIOS, HBA, NIC, Virtual Connect, OA) must match.</summary>
internal sealed class FirmwareParityCheck : IClusterCheck
{
    public string Id => CheckIds.FirmwareParity;

    public string Title => "Firmware versions per component";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot) =>
        ParityFindings.For(
            snapshot.Name,
            ParityMatrix.Build(snapshot).Where(r => r.Category == ParityCategories.Firmware),
            Id,
            KbIds.FirmwareParity,
            _ => Severity.Medium,
            "firmware");
}
