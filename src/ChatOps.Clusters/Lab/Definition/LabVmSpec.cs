using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab.Definition;

/// <summary>A clustered VM; unset fields take <see cref="LabDefinition.VmDefaults"/>.</summary>
internal sealed class LabVmSpec
{
    public string Name { get; set; } = string.Empty;

    /// <summary>Fixed VM id; by default derived from the seed and the name.</summary>
    public Guid? Id { get; set; }

    public string? Owner { get; set; }

    public VmGroupState? State { get; set; }

    public FailoverPriority? Priority { get; set; }

    public long? MemoryMb { get; set; }

    public List<string>? PreferredOwners { get; set; }

    /// <summary>Disk holding the VM; its volume GUID becomes the config volume.</summary>
    public string? Disk { get; set; }

    /// <summary>Config volume GUID, overriding the disk's (a resized LUN leaves the old one here).</summary>
    public Guid? ConfigVolume { get; set; }

    public string? IntegrationServices { get; set; }

    public bool? LegacyNic { get; set; }

    /// <summary>Processor compatibility for migration (off unless set).</summary>
    public bool? ProcessorCompatibility { get; set; }

    public List<string>? Addresses { get; set; }

    /// <summary>Hyper-V state per node; by default Running (Online) or Off on the owner.</summary>
    public Dictionary<string, HyperVState>? HyperV { get; set; }
}
