namespace ChatOps.Clusters.Lab.Definition;

/// <summary>A fault injected into a node from the lab file.</summary>
internal sealed class LabFaultSpec
{
    public int LatencyMs { get; set; }

    public bool Hang { get; set; }

    public bool Unreachable { get; set; }

    public string? Error { get; set; }

    public int ActionLatencyMs { get; set; }
}
