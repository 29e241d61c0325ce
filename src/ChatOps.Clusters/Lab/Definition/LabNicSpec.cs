using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab.Definition;

/// <summary>A host NIC template.</summary>
internal sealed class LabNicSpec
{
    public string Name { get; set; } = string.Empty;

    public NicRole Role { get; set; }

    public string Subnet { get; set; } = string.Empty;
}
