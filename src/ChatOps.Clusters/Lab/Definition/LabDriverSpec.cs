namespace ChatOps.Clusters.Lab.Definition;

/// <summary>A driver; on a node, an entry replaces the default of the same class.</summary>
internal sealed class LabDriverSpec
{
    public string Class { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string Version { get; set; } = string.Empty;
}
