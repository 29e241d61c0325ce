namespace ChatOps.Clusters.Model;

/// <summary>A clustered VM: the cluster's view and each reachable node's Hyper-V view.</summary>
public sealed record ClusteredVm
{
    /// <summary>Hyper-V VM id (the GUID of its config, worker process and link).</summary>
    public required Guid Id { get; init; }

    /// <summary>VM name.</summary>
    public required string Name { get; init; }

    /// <summary>State of the VM's cluster group.</summary>
    public required VmGroupState GroupState { get; init; }

    /// <summary>Node that owns the group, or null.</summary>
    public string? OwnerNode { get; init; }

    /// <summary>Preferred owners, in order.</summary>
    public IReadOnlyList<string> PreferredOwners { get; init; } = [];

    /// <summary>Failover priority.</summary>
    public FailoverPriority Priority { get; init; } = FailoverPriority.Medium;

    /// <summary>Startup memory in MB (2008 R2 cannot over-commit: this must be free on the target).</summary>
    public required long StartupMemoryMb { get; init; }

    /// <summary>Network adapters.</summary>
    public IReadOnlyList<VmNic> Nics { get; init; } = [];

    /// <summary>Integration-services version inside the guest.</summary>
    public required Version IntegrationServices { get; init; }

    /// <summary>Whether the guest's integration services report a protocol mismatch (2016 and later: <c>SecondaryOperationalStatus</c>); null when the host does not say.</summary>
    public bool? IntegrationServicesOutdated { get; init; }

    /// <summary>Volume GUID that the VM's configuration path references.</summary>
    public Guid ConfigVolume { get; init; }

    /// <summary>
    /// Whether processor compatibility for migration is on (<c>Get-VMProcessor</c>'s
    /// <c>CompatibilityForMigrationEnabled</c>): the VM sees only features every processor of its vendor has,
    /// so it can move between generations; null when the host could not tell.
    /// </summary>
    public bool? ProcessorCompatibility { get; init; }

    /// <summary>Whether the VM's addresses answer ping right now.</summary>
    public bool RespondsToPing { get; init; }

    /// <summary>Hyper-V state on every reachable node where the VM is registered.</summary>
    public IReadOnlyList<VmHostState> HostStates { get; init; } = [];

    /// <summary>Whether any NIC is a legacy network adapter.</summary>
    public bool HasLegacyNic => Nics.Any(n => n.Legacy);

    /// <summary>Hyper-V state on the owner node, or null when it is not registered there (or the owner did not answer).</summary>
    public HyperVState? OwnerHyperVState =>
        HostStates.FirstOrDefault(h => string.Equals(h.Node, OwnerNode, StringComparison.OrdinalIgnoreCase))?.State;
}
