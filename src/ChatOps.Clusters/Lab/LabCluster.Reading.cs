using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab.State;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab;

/// <summary>Reading: the cluster's own view, one node's inventory, the whole picture.</summary>
internal sealed partial class LabCluster
{
    public ClusterSnapshot Snapshot()
    {
        lock (_gate)
        {
            return SnapshotLocked();
        }
    }

    public IReadOnlyList<string> NodeNames()
    {
        lock (_gate)
        {
            return state.Nodes.Select(n => n.Name).ToList();
        }
    }

    public ClusterView View()
    {
        lock (_gate)
        {
            return ViewLocked();
        }
    }

    /// <summary>The node's canonical name, or null when the lab has no such node.</summary>
    public string? ResolveNode(string name)
    {
        lock (_gate)
        {
            return state.FindNode(name)?.Name;
        }
    }

    public NodeInventory Inventory(string node)
    {
        lock (_gate)
        {
            return InventoryLocked(Require(node));
        }
    }

    private ClusterSnapshot SnapshotLocked()
    {
        var view = ViewLocked();
        var nodes = state.Nodes.Select(n => new NodeResult(n.Name, n.State, n.Site, InventoryLocked(n), null)).ToList();
        return SnapshotAssembler.Assemble(view, nodes, time.GetUtcNow());
    }

    private ClusterView ViewLocked() => new(
        state.Name,
        [.. state.Sites],
        state.Quorum,
        state.Nodes.Select(n => new NodeMember(n.Name, n.State, n.Site)).ToList(),
        state.Vms.Select(ToRecord).ToList(),
        [.. state.Disks]);

    /// <summary>One pass over the VMs gives both the node's Hyper-V list and the memory they hold.</summary>
    private NodeInventory InventoryLocked(LabNode node)
    {
        var hosted = new List<HostedVm>();
        long held = 0;
        foreach (var vm in state.Vms)
        {
            if (vm.Hosts.TryGetValue(node.Name, out var hyperV))
            {
                hosted.Add(new HostedVm(vm.Id, vm.Name, hyperV));
                held += hyperV.HoldsMemory() ? vm.StartupMemoryMb : 0;
            }
        }

        return new NodeInventory
        {
            Name = node.Name,
            MemoryTotalMb = node.MemoryTotalMb,
            MemoryFreeMb = node.MemoryTotalMb - state.HostReserveMb - held,
            Hardware = node.Hardware,
            Nics = [.. node.Nics],
            Drivers = [.. node.Drivers],
            Firmware = [.. node.Firmware],
            Hotfixes = [.. node.Hotfixes],
            AsrEnabled = node.AsrEnabled,
            IntegrationServices = node.IntegrationServices,
            ConfigLinks = [.. node.ConfigLinks],
            VisibleDisks = [.. node.VisibleDisks],
            ResolvableNodes = [.. node.ResolvableNodes],
            StaleDnsEntries = [.. node.StaleDns],
            HyperVVms = hosted,
        };
    }

    private static ClusteredVm ToRecord(LabVm vm) => new()
    {
        Id = vm.Id,
        Name = vm.Name,
        GroupState = vm.GroupState,
        OwnerNode = vm.Owner,
        PreferredOwners = [.. vm.PreferredOwners],
        Priority = vm.Priority,
        StartupMemoryMb = vm.StartupMemoryMb,
        Nics = [.. vm.Nics],
        IntegrationServices = vm.IntegrationServices,
        ConfigVolume = vm.ConfigVolume,
        RespondsToPing = vm.RespondsToPing,
    };
}
