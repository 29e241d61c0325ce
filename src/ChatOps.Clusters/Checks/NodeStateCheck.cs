using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// Nodes not fully Up. A node the cluster calls Down that still answers probes is isolated:
/// up, but cut off from the others.
/// </summary>
internal sealed class NodeStateCheck : IClusterCheck
{
    public string Id => CheckIds.NodeState;

    public string Title => "Every node Up";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        foreach (var node in snapshot.Nodes)
        {
            var (severity, evidence) = node.State switch
            {
                NodeState.Down when node.IsReachable => (Severity.High, $"{node.Name} is Down in the cluster but answers probes: it is isolated from the other nodes; its VMs may need shutting down so they can fail over."),
                NodeState.Down => (Severity.High, $"{node.Name} is Down and does not answer ({node.Failure?.Message ?? "no answer"})."),
                NodeState.Paused => (Severity.Medium, $"{node.Name} is Paused: it takes no failovers, so the cluster has one node less in reserve."),
                NodeState.Joining => (Severity.Low, $"{node.Name} is joining the cluster."),
                NodeState.Unknown => (Severity.High, $"The cluster reports {node.Name}'s state as Unknown."),
                _ => (Severity.Info, string.Empty),
            };
            if (evidence.Length > 0)
            {
                yield return new Finding(Id, severity, node.Name, evidence, KbIds.HostIsolation) { Nodes = [node.Name] };
            }
        }
    }
}
