using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab.State;

/// <summary>A simulated clustered VM's mutable state. Only touched under the lab's lock.</summary>
internal sealed class LabVm
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public VmGroupState GroupState { get; set; }

    public string? Owner { get; set; }

    public List<string> PreferredOwners { get; init; } = [];

    public FailoverPriority Priority { get; init; }

    public long StartupMemoryMb { get; init; }

    public List<VmNic> Nics { get; set; } = [];

    public required Version IntegrationServices { get; init; }

    public Guid ConfigVolume { get; init; }

    public bool ProcessorCompatibility { get; init; }

    /// <summary>A legacy NIC keeps answering ping through the host partition after the guest stops.</summary>
    public bool RespondsToPing { get; set; }

    /// <summary>Hyper-V registrations: node → state.</summary>
    public Dictionary<string, HyperVState> Hosts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool HasLegacyNic => Nics.Any(n => n.Legacy);
}
