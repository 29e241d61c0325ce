using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab.Definition;

/// <summary>A node; unset fields take <see cref="LabDefinition.NodeDefaults"/>.</summary>
internal sealed class LabNodeSpec
{
    public string Name { get; set; } = string.Empty;

    public string Site { get; set; } = string.Empty;

    public NodeState? State { get; set; }

    /// <summary>Isolated or Quarantined, as a 2016-or-later cluster says; unset, the node reports none (as 2012 R2 and older).</summary>
    public NodeStatusInformation? Status { get; set; }

    /// <summary>How the node's last drain went; unset, the node reports none.</summary>
    public NodeDrainStatus? Drain { get; set; }

    public long? MemoryMb { get; set; }

    public LabHardwareSpec? Hardware { get; set; }

    /// <summary>The processor; unset, the node reports none (as an older node module).</summary>
    public LabProcessorSpec? Processor { get; set; }

    /// <summary>Windows version with its update build revision, e.g. <c>10.0.20348.2762</c>.</summary>
    public string? OsBuild { get; set; }

    public List<LabDriverSpec>? Drivers { get; set; }

    public List<LabFirmwareSpec>? Firmware { get; set; }

    public List<string>? Hotfixes { get; set; }

    /// <summary>Default hotfixes this node lacks.</summary>
    public List<string>? MissingHotfixes { get; set; }

    public bool? Asr { get; set; }

    public string? IntegrationServices { get; set; }

    /// <summary>Names of this node's NICs that are teamed.</summary>
    public List<string>? TeamNics { get; set; }

    /// <summary>NICs whose subnet differs from the site template, as name → subnet.</summary>
    public Dictionary<string, string>? NicSubnets { get; set; }

    /// <summary>Disks this node cannot see.</summary>
    public List<string>? HiddenDisks { get; set; }

    /// <summary>CSVs this node does not reach directly (redirected or paused); the others are direct.</summary>
    public List<LabCsvAccessSpec>? CsvAccess { get; set; }

    /// <summary>Nodes this node cannot resolve in DNS.</summary>
    public List<string>? CannotResolve { get; set; }

    public List<string>? StaleDns { get; set; }

    /// <summary>Config links left behind: a GUID, or <c>vm:NAME</c> for that VM's id.</summary>
    public List<string>? StaleLinks { get; set; }

    public LabFaultSpec? Fault { get; set; }

    /// <summary>The node's configured quorum vote, NodeWeight: 1 (the default) or 0.</summary>
    public int? Vote { get; set; }
}
