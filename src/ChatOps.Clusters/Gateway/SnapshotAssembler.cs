using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Gateway;

/// <summary>Joins the cluster's view with the per-node probe results into one snapshot.</summary>
internal static class SnapshotAssembler
{
    public static ClusterSnapshot Assemble(ClusterView view, IReadOnlyList<NodeResult> nodes, DateTimeOffset takenAt)
    {
        var hosts = new Dictionary<Guid, List<VmHostState>>();
        foreach (var node in nodes)
        {
            foreach (var hosted in node.Inventory?.HyperVVms ?? [])
            {
                if (!hosts.TryGetValue(hosted.Id, out var list))
                {
                    hosts[hosted.Id] = list = [];
                }

                list.Add(new VmHostState(node.Name, hosted.State));
            }
        }

        return new ClusterSnapshot
        {
            Name = view.Name,
            Sites = view.Sites,
            Quorum = view.Quorum,
            Nodes = nodes,
            Vms = view.Vms.Select(v => v with { HostStates = hosts.TryGetValue(v.Id, out var h) ? h : [] }).ToList(),
            Disks = view.Disks,
            FunctionalLevel = view.FunctionalLevel,
            TakenAt = takenAt,
        };
    }
}
