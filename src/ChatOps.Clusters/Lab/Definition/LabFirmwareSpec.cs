namespace ChatOps.Clusters.Lab.Definition;

/// <summary>A firmware version; on a node, an entry replaces the default of the same component.</summary>
internal sealed class LabFirmwareSpec
{
    public string Component { get; set; } = string.Empty;

    public string Version { get; set; } = string.Empty;
}
