using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// Says which parts of a node could not be read, and why: the checks that need them skip that node,
/// so the reader knows what was not judged. The cluster service stopped on a node (its disks unread)
/// while Hyper-V still answers is the isolation the host-isolation runbook explains.
/// </summary>
internal sealed class UnreadPartsCheck : IClusterCheck
{
    public string Id => CheckIds.NodePartsUnread;

    public string Title => "Every part of every node read";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        foreach (var node in snapshot.Reachable.Where(n => n.Inventory!.Unread.Count > 0))
        {
            var parts = node.Inventory!.Unread
                .GroupBy(p => p.Value.Message, StringComparer.Ordinal)
                .Select(g => $"{string.Join(", ", g.Select(p => p.Key.Describe()))} ({g.Key})");
            yield return new Finding(Id, Severity.Medium, node.Name,
                $"{node.Name} answered, but could not read {string.Join("; ", parts)}: those parts were not checked there.",
                KbIds.HostIsolation) { Nodes = [node.Name] };
        }
    }
}
