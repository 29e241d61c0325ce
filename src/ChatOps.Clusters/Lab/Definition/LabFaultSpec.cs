namespace ChatOps.Clusters.Lab.Definition;

/// <summary>A fault injected into a node from the lab file.</summary>
internal sealed class LabFaultSpec
{
    public int LatencyMs { get; set; }

    public bool Hang { get; set; }

    public bool Unreachable { get; set; }

    public string? Error { get; set; }

    public int ActionLatencyMs { get; set; }

    /// <summary>The node's cluster service is stopped: the cluster sees it Down, its Hyper-V still answers.</summary>
    public bool ClusterServiceStopped { get; set; }

    /// <summary>The node's VM management service (VMMS) is stopped: its Hyper-V does not answer.</summary>
    public bool VmmsStopped { get; set; }
}
