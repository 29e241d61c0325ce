using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// Nodes not fully Up. A node the cluster calls Down that still answers probes is isolated:
/// up, but cut off from the others. From 2016 the cluster also says so itself (StatusInformation
/// Isolated or Quarantined, compute resiliency), and says when a drain could not move every role off.
/// </summary>
internal sealed class NodeStateCheck : IClusterCheck
{
    public string Id => CheckIds.NodeState;

    public string Title => "Every node Up";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        foreach (var node in snapshot.Nodes)
        {
            // A Down node the cluster itself calls Quarantined or Isolated: its word replaces the inference from answering probes.
            var explained = node.Status is NodeStatusInformation.Quarantined or NodeStatusInformation.Isolated;
            var (severity, evidence) = node.State switch
            {
                NodeState.Down when node.IsReachable && explained => (Severity.Info, string.Empty),
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

            var status = node.Status switch
            {
                NodeStatusInformation.Quarantined => $"The cluster has quarantined {node.Name}: after repeated losses of membership it is kept out (and takes no roles) until the quarantine ends or Start-ClusterNode -ClearQuarantine is run once the cause is fixed.",
                NodeStatusInformation.Isolated => $"The cluster reports {node.Name} Isolated: it lost contact with the other nodes but is still a member; its VMs run on unmonitored until it returns or the resiliency period ends.",
                _ => null,
            };
            if (status is not null)
            {
                yield return new Finding(Id, Severity.High, node.Name, status, KbIds.NodeQuarantinedOrIsolated) { Nodes = [node.Name] };
            }

            if (node.Drain == NodeDrainStatus.Failed)
            {
                yield return new Finding(Id, Severity.High, node.Name, $"The last drain of {node.Name} failed: some roles could not be moved off it (events 1137 and 1677 name them), so it is not the empty, paused node maintenance expects.", KbIds.NodeDrainFailed) { Nodes = [node.Name] };
            }
        }
    }
}
