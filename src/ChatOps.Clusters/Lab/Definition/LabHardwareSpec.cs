namespace ChatOps.Clusters.Lab.Definition;

/// <summary>Hardware flags; unset flags take the default.</summary>
internal sealed class LabHardwareSpec
{
    public bool? Vt { get; set; }

    public bool? Dep { get; set; }

    public bool? X64 { get; set; }

    public bool? Slat { get; set; }
}
