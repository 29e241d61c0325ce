using ChatOps.Clusters.Events;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab.State;

/// <summary>Everything the simulator knows; only touched under the lab's lock.</summary>
internal sealed class LabState
{
    public required string Name { get; init; }

    public required int Seed { get; init; }

    public long HostReserveMb { get; init; }

    public List<string> Sites { get; init; } = [];

    public required Quorum Quorum { get; init; }

    public FunctionalLevel FunctionalLevel { get; init; } = new(null, null);

    public List<LabNode> Nodes { get; init; } = [];

    public List<LabVm> Vms { get; init; } = [];

    public List<ClusterDisk> Disks { get; init; } = [];

    /// <summary>Events written before the lab started, each with how long before.</summary>
    public List<(ClusterEvent Event, TimeSpan Ago)> SeededEvents { get; init; } = [];

    /// <summary>Every event the nodes have written since the lab started, oldest first.</summary>
    public List<ClusterEvent> Events { get; init; } = [];

    public LabNode? FindNode(string name) =>
        Nodes.FirstOrDefault(n => n.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A node's configuration links whose VM is not registered on that node: what its VMMS keeps failing to read (4096).</summary>
    public IEnumerable<Guid> StaleLinks(LabNode node) =>
        node.ConfigLinks.Where(l => !Vms.Any(v => v.Id == l && v.Hosts.ContainsKey(node.Name)));

    public LabVm? FindVm(string name) =>
        Vms.FirstOrDefault(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
