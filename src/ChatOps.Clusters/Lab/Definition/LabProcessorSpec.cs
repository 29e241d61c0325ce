namespace ChatOps.Clusters.Lab.Definition;

/// <summary>A node's processor; on a node, set fields replace the defaults'.</summary>
internal sealed class LabProcessorSpec
{
    public string? Manufacturer { get; set; }

    public string? Name { get; set; }

    /// <summary>Microcode revision in hex, e.g. <c>0xd0003b9</c>.</summary>
    public string? Microcode { get; set; }

    public int? FeatureSettingsOverride { get; set; }

    public int? FeatureSettingsOverrideMask { get; set; }
}
