using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab.State;

/// <summary>A simulated node's mutable state. Only touched under the lab's lock.</summary>
internal sealed class LabNode
{
    public required string Name { get; init; }

    public required string Site { get; init; }

    public NodeState State { get; set; }

    public NodeStatusInformation? Status { get; set; }

    public NodeDrainStatus? Drain { get; set; }

    public long MemoryTotalMb { get; init; }

    public required HardwareFeatures Hardware { get; init; }

    public ProcessorInfo? Processor { get; init; }

    public string? OsBuild { get; init; }

    public List<HostNic> Nics { get; init; } = [];

    public List<DriverInfo> Drivers { get; init; } = [];

    public List<FirmwareInfo> Firmware { get; init; } = [];

    public List<string> Hotfixes { get; init; } = [];

    public bool AsrEnabled { get; set; }

    public required Version IntegrationServices { get; init; }

    public List<Guid> ConfigLinks { get; init; } = [];

    public List<string> VisibleDisks { get; init; } = [];

    /// <summary>How the node reaches each CSV.</summary>
    public List<CsvAccess> CsvAccess { get; init; } = [];

    public List<string> ResolvableNodes { get; init; } = [];

    public List<string> StaleDns { get; init; } = [];

    public LabFault? Fault { get; set; }

    /// <summary>The configured quorum vote (NodeWeight).</summary>
    public int NodeWeight { get; init; } = 1;

    /// <summary>Whether the node's cluster service is stopped (it is then Down in the cluster, its Hyper-V still answers).</summary>
    public bool ClusterServiceStopped { get; set; }

    /// <summary>Whether the node's VMMS is stopped (its Hyper-V does not answer).</summary>
    public bool VmmsStopped { get; set; }
}
