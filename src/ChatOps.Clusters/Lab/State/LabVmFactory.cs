using ChatOps.Clusters.Lab.Definition;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab.State;

/// <summary>Resolves a VM spec against the VM defaults; registers it in Hyper-V on its nodes.</summary>
internal static class LabVmFactory
{
    public static LabVm Create(LabDefinition definition, LabVmSpec spec, LabState state)
    {
        var defaults = definition.VmDefaults;
        var owner = spec.Owner is null ? null
            : state.FindNode(spec.Owner)?.Name ?? throw new LabDefinitionException($"VM '{spec.Name}' is owned by unknown node '{spec.Owner}'.");
        var diskId = spec.Disk ?? defaults.Disk;
        var disk = diskId is null ? null
            : state.Disks.FirstOrDefault(d => d.Id.Equals(diskId, StringComparison.OrdinalIgnoreCase))
              ?? throw new LabDefinitionException($"VM '{spec.Name}' is on unknown disk '{diskId}'.");
        var groupState = spec.State ?? defaults.State ?? VmGroupState.Online;
        var legacy = spec.LegacyNic ?? defaults.LegacyNic ?? false;
        var vm = new LabVm
        {
            Id = spec.Id ?? LabIds.VmId(definition.Seed, definition.Name, spec.Name),
            Name = spec.Name,
            GroupState = groupState,
            Owner = owner,
            PreferredOwners = [.. spec.PreferredOwners ?? defaults.PreferredOwners ?? []],
            Priority = spec.Priority ?? defaults.Priority ?? FailoverPriority.Medium,
            StartupMemoryMb = spec.MemoryMb ?? defaults.MemoryMb ?? 2048,
            Nics = [new VmNic(legacy ? "Legacy Network Adapter" : "Network Adapter", legacy, [.. spec.Addresses ?? []])],
            IntegrationServices = LabNodeFactory.ParseVersion(spec.IntegrationServices ?? defaults.IntegrationServices ?? "6.1.7601.17514", spec.Name),
            ConfigVolume = spec.ConfigVolume ?? disk?.VolumeGuid ?? Guid.Empty,
            ProcessorCompatibility = spec.ProcessorCompatibility ?? defaults.ProcessorCompatibility ?? false,
        };
        if (spec.HyperV is { Count: > 0 } registrations)
        {
            foreach (var (node, hyperV) in registrations)
            {
                var known = state.FindNode(node) ?? throw new LabDefinitionException($"VM '{spec.Name}' has a Hyper-V state on unknown node '{node}'.");
                vm.Hosts[known.Name] = hyperV;
            }
        }
        else if (owner is not null)
        {
            vm.Hosts[owner] = groupState is VmGroupState.Online or VmGroupState.PartialOnline ? HyperVState.Running : HyperVState.Off;
        }

        vm.RespondsToPing = vm.Hosts.Values.Any(s => s.IsRunning());
        foreach (var node in vm.Hosts.Keys)
        {
            state.FindNode(node)!.ConfigLinks.Add(vm.Id);
        }

        return vm;
    }
}
