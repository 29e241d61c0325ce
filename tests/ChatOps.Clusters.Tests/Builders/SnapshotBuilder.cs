using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Tests.Builders;

/// <summary>Builds consistent snapshots: Hyper-V registrations and config links follow the VMs' host states.</summary>
internal sealed class SnapshotBuilder
{
    public static readonly Guid CsvVolume = new("11111111-2222-3333-4444-555555555555");
    public static readonly Version HostIs = new(6, 1, 7601, 17514);

    private readonly List<NodeResult> _nodes = [];
    private readonly List<ClusteredVm> _vms = [];
    private readonly List<ClusterDisk> _disks = [new("CSV1", 1024, CsvVolume, true)];
    private readonly HashSet<(string Node, string Disk)> _hidden = [];
    private readonly HashSet<(string Node, string Other)> _unresolved = [];
    private Quorum _quorum = new(QuorumType.NodeAndFileShareMajority, WitnessKind.FileShare, @"\\witness\q", "SITE-W");
    private int _ip = 10;

    /// <summary>Healthy nodes N1..Nn alternating sites A and B, each with VMs named N1-VM1...</summary>
    public static SnapshotBuilder Healthy(int nodes = 3, int vmsPerNode = 2)
    {
        var builder = new SnapshotBuilder();
        for (var n = 1; n <= nodes; n++)
        {
            builder.Node($"N{n}", n % 2 == 1 ? "A" : "B");
        }

        for (var n = 1; n <= nodes; n++)
        {
            for (var v = 1; v <= vmsPerNode; v++)
            {
                builder.Vm($"N{n}-VM{v}", $"N{n}");
            }
        }

        return builder;
    }

    public SnapshotBuilder Node(string name, string site = "A", NodeState state = NodeState.Up, long freeMb = 65536)
    {
        var octet = site == "A" ? 1 : 2;
        _nodes.Add(new NodeResult(name, state, site, new NodeInventory
        {
            Name = name,
            MemoryTotalMb = 131072,
            MemoryFreeMb = freeMb,
            Hardware = new HardwareFeatures(true, true, true, true),
            Nics =
            [
                new("MGMT", NicRole.Management, $"10.{octet}.0.0/24", false),
                new("HEARTBEAT", NicRole.Cluster, $"10.{octet}.1.0/24", false),
                new("LM", NicRole.LiveMigration, $"10.{octet}.2.0/24", false),
                new("ISCSI-A", NicRole.Iscsi, $"10.{octet}.3.0/24", false),
                new("VM-CLIENT", NicRole.Client, $"10.{octet}.10.0/24", false),
            ],
            Drivers = [new("MPIO", "HP MPIO DSM", "4.01.00"), new("NIC", "HP NC382i", "5.2.22.0")],
            Firmware = [new("BIOS", "I27 2010-09-30"), new("HBA", "5.03a4")],
            Hotfixes = ["KB970529", "KB974909"],
            IntegrationServices = HostIs,
        }, null));
        return this;
    }

    public SnapshotBuilder Inventory(string node, Func<NodeInventory, NodeInventory> change) =>
        ReplaceNode(node, n => n with { Inventory = change(n.Inventory!) });

    public SnapshotBuilder State(string node, NodeState state) => ReplaceNode(node, n => n with { State = state });

    public SnapshotBuilder Status(string node, NodeStatusInformation status) => ReplaceNode(node, n => n with { Status = status });

    public SnapshotBuilder Drain(string node, NodeDrainStatus drain) => ReplaceNode(node, n => n with { Drain = drain });

    public SnapshotBuilder Unreachable(string node, NodeFailureKind kind = NodeFailureKind.Timeout) =>
        ReplaceNode(node, n => n with { Inventory = null, Failure = new NodeFailure(kind, $"{node} did not answer") });

    public SnapshotBuilder HideDisk(string node, string disk)
    {
        _hidden.Add((node, disk));
        return this;
    }

    public SnapshotBuilder CannotResolve(string node, string other)
    {
        _unresolved.Add((node, other));
        return this;
    }

    public SnapshotBuilder Vm(string name, string owner, long memoryMb = 4096, FailoverPriority priority = FailoverPriority.Medium, HyperVState? hyperV = HyperVState.Running)
    {
        _vms.Add(new ClusteredVm
        {
            Id = Guid.NewGuid(),
            Name = name,
            GroupState = VmGroupState.Online,
            OwnerNode = owner,
            Priority = priority,
            StartupMemoryMb = memoryMb,
            Nics = [new VmNic("Network Adapter", false, [$"10.1.10.{_ip++}"])],
            IntegrationServices = HostIs,
            ConfigVolume = CsvVolume,
            ProcessorCompatibility = false,
            RespondsToPing = true,
            HostStates = hyperV is null ? [] : [new VmHostState(owner, hyperV.Value)],
        });
        return this;
    }

    public SnapshotBuilder WithVm(string name, Func<ClusteredVm, ClusteredVm> change)
    {
        var at = _vms.FindIndex(v => v.Name == name);
        _vms[at] = change(_vms[at]);
        return this;
    }

    public SnapshotBuilder Quorum(Quorum quorum)
    {
        _quorum = quorum;
        return this;
    }

    public SnapshotBuilder Disk(ClusterDisk disk)
    {
        _disks.Add(disk);
        return this;
    }

    public ClusterSnapshot Build()
    {
        var nodes = _nodes.Select(n => n.Inventory is null ? n : n with { Inventory = Complete(n.Inventory) }).ToList();
        var reachable = nodes.Where(n => n.IsReachable).Select(n => n.Name).ToHashSet();
        var vms = _vms.Select(v => v with { HostStates = v.HostStates.Where(h => reachable.Contains(h.Node)).ToList() }).ToList();
        return new ClusterSnapshot
        {
            Name = "TEST",
            Sites = nodes.Select(n => n.Site).Distinct().ToList(),
            Quorum = _quorum,
            Nodes = nodes,
            Vms = vms,
            Disks = [.. _disks],
            TakenAt = DateTimeOffset.UnixEpoch,
        };
    }

    private NodeInventory Complete(NodeInventory inventory)
    {
        var name = inventory.Name;
        var hosted = _vms.SelectMany(v => v.HostStates.Where(h => h.Node == name).Select(h => new HostedVm(v.Id, v.Name, h.State))).ToList();
        return inventory with
        {
            HyperVVms = hosted,
            ConfigLinks = [.. hosted.Select(h => h.Id).Union(inventory.ConfigLinks)],
            VisibleDisks = inventory.VisibleDisks.Count > 0 ? inventory.VisibleDisks : _disks.Select(d => d.Id).Where(d => !_hidden.Contains((name, d))).ToList(),
            ResolvableNodes = _nodes.Select(n => n.Name).Where(o => o != name && !_unresolved.Contains((name, o))).ToList(),
        };
    }

    private SnapshotBuilder ReplaceNode(string node, Func<NodeResult, NodeResult> change)
    {
        var at = _nodes.FindIndex(n => n.Name == node);
        _nodes[at] = change(_nodes[at]);
        return this;
    }
}
