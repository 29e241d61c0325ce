using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab.State;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;

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
        var nodes = view.Nodes.Select(m => m.Probed(InventoryLocked(Require(m.Name)), null)).ToList();
        return SnapshotAssembler.Assemble(view, nodes, time.GetUtcNow());
    }

    /// <summary>
    /// The cluster's view; with dynamic quorum on, each node's live vote and the witness's as
    /// <see cref="DynamicVotes"/> settles them for the current membership.
    /// </summary>
    private ClusterView ViewLocked()
    {
        var quorum = state.Quorum;
        var live = quorum.DynamicQuorum == true
            ? DynamicVotes.Assign([.. state.Nodes.Select(n => (n.State, n.NodeWeight))], quorum.Witness != WitnessKind.None && quorum.WitnessOnline != false)
            : default;
        var nodes = state.Nodes.Select((n, i) => new NodeMember(n.Name, n.State, n.Site, new NodeVote(n.NodeWeight, live.Nodes?[i])) { Status = n.Status, Drain = n.Drain }).ToList();
        return new ClusterView(
            state.Name,
            [.. state.Sites],
            live.Nodes is null ? quorum : quorum with { WitnessDynamicWeight = live.Witness },
            nodes,
            state.Vms.Select(ToRecord).ToList(),
            [.. state.Disks])
        {
            FunctionalLevel = state.FunctionalLevel,
        };
    }

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

        // The parts a stopped service takes away, with what Windows then says (see the fake modules' sources).
        var unread = new Dictionary<InventoryPart, NodeFailure>();
        if (node.ClusterServiceStopped)
        {
            unread[InventoryPart.Disks] = new(NodeFailureKind.Unreachable, "The cluster service is not running.  Make sure that the service is running on all nodes in the cluster.");
        }

        if (node.VmmsStopped)
        {
            // As the node module reports it: the VMs part fails whole (their adapters and integration
            // status with it); the host's own integration services version is read apart.
            unread[InventoryPart.HyperV] = new(NodeFailureKind.Error, $"Hyper-V encountered an error trying to access an object on computer '{node.Name}' because the object was not found. Verify that the Virtual Machine Management service on the computer is running.");
            hosted.Clear();
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
            Processor = node.Processor,
            OsBuild = node.OsBuild,
            AsrEnabled = node.AsrEnabled,
            IntegrationServices = node.IntegrationServices,
            ConfigLinks = [.. node.ConfigLinks],
            VisibleDisks = node.ClusterServiceStopped ? [] : [.. node.VisibleDisks],
            CsvAccess = node.ClusterServiceStopped ? [] : [.. node.CsvAccess],
            ResolvableNodes = [.. node.ResolvableNodes],
            StaleDnsEntries = [.. node.StaleDns],
            HyperVVms = hosted,
            Unread = unread,
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
        ProcessorCompatibility = vm.ProcessorCompatibility,
        RespondsToPing = vm.RespondsToPing,
    };
}
