using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.PowerShell;

/// <summary>What only a VM's host knows about it (memory, NICs, integration services, config path).</summary>
internal sealed record HostedVmDetails(
    Guid Id, long StartupMemoryMb, Version IntegrationServices, bool? IntegrationServicesOutdated, string ConfigurationLocation, bool? ProcessorCompatibility, IReadOnlyList<VmNic> Nics);
