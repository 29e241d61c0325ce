using ChatOps.Clusters.Events;
using ChatOps.Clusters.Lab.State;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab;

/// <summary>
/// The nodes' event logs: what the lab's failures write, read back as the node module reads them
/// (only what <see cref="EventSources.AreRead"/>, newest first, at most <see cref="EventSources.MaxPerLog"/>
/// a log and level group, messages past <see cref="EventSources.MaxMessageChars"/> dropped in the node
/// module's order, a log the node cannot read reported as such while the others answer).
/// </summary>
internal sealed partial class LabCluster
{
    /// <summary>When the lab started: its seeded events are dated back from here.</summary>
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    public void WriteEvent(ClusterEvent clusterEvent)
    {
        ArgumentNullException.ThrowIfNull(clusterEvent);
        lock (_gate)
        {
            state.Events.Add(clusterEvent with { Node = Require(clusterEvent.Node).Name });
        }
    }

    /// <summary>What one node's logs hold since <paramref name="since"/>.</summary>
    public NodeEvents Events(string node, DateTimeOffset since)
    {
        lock (_gate)
        {
            var labNode = Require(node);
            var unread = new Dictionary<string, NodeFailure>(StringComparer.OrdinalIgnoreCase);
            var capped = new List<string>();
            var read = new List<ClusterEvent>();
            var budget = EventSources.MaxMessageChars;
            var dropped = 0;
            var mine = state.SeededEvents.Select(s => s.Event with { Time = _startedAt - s.Ago }).Concat(state.Events)
                .Where(e => e.Node == labNode.Name && e.Time >= since && EventSources.AreRead(e))
                .ToList();
            foreach (var log in EventSources.Logs)
            {
                if (labNode.Fault?.UnreadableLog is { } unreadable && unreadable.Equals(log, StringComparison.OrdinalIgnoreCase))
                {
                    unread[log] = new NodeFailure(NodeFailureKind.Error, $"There is not an event log on the localhost computer that matches \"{log}\".");
                    continue;
                }

                var inLog = mine.Where(e => e.Log.Equals(log, StringComparison.OrdinalIgnoreCase)).OrderByDescending(e => e.Time.UtcTicks).ToList();
                // Critical and error first, then warnings, as the node module reads them.
                foreach (var group in new[] { true, false }.Select(serious => inLog.Where(e => EventSources.IsSerious(e.Level) == serious).ToList()))
                {
                    if (group.Count > EventSources.MaxPerLog && !capped.Contains(log))
                    {
                        capped.Add(log);
                    }

                    foreach (var e in group.Take(EventSources.MaxPerLog))
                    {
                        var keep = e.Message.Length <= budget;
                        budget -= keep ? e.Message.Length : 0;
                        dropped += keep ? 0 : 1;
                        read.Add(keep ? e : e with { Message = string.Empty });
                    }
                }
            }

            return new NodeEvents(labNode.Name, [.. read.OrderByDescending(e => e.Time)], unread, capped, null, dropped);
        }
    }

    /// <summary>Writes an event on a node now (the lab's lock is held).</summary>
    private void Write(string node, string log, string provider, int id, WinEventLevel level, string message) =>
        state.Events.Add(new ClusterEvent(node, log, provider, id, level, time.GetUtcNow(), message));

    /// <summary>What the surviving nodes log when a node leaves the membership, and what the cluster logs for each role it could not bring back.</summary>
    private void WriteNodeRemoved(string removed, IEnumerable<string> rolesLeftFailed)
    {
        var survivors = state.Nodes.Where(n => n.State is NodeState.Up or NodeState.Paused).Select(n => n.Name).ToList();
        foreach (var survivor in survivors)
        {
            Write(survivor, EventSources.SystemLog, EventSources.FailoverClusteringProvider, LabEventTexts.NodeRemovedId, WinEventLevel.Critical, LabEventTexts.NodeRemoved(removed));
        }

        // The node that took over the core cluster group tries to bring each role online elsewhere.
        if (survivors.FirstOrDefault() is { } coordinator)
        {
            foreach (var role in rolesLeftFailed)
            {
                WriteRoleFailed(coordinator, role);
            }
        }
    }

    /// <summary>A VM resource that failed (1069) and, when the cluster could not bring it back, its role left failed (1205).</summary>
    private void WriteRoleFailed(string node, string vm, bool leftFailed = true)
    {
        Write(node, EventSources.SystemLog, EventSources.FailoverClusteringProvider, LabEventTexts.ResourceFailedId, WinEventLevel.Error, LabEventTexts.ResourceFailed(vm));
        if (leftFailed)
        {
            Write(node, EventSources.SystemLog, EventSources.FailoverClusteringProvider, LabEventTexts.RoleNotOnlineId, WinEventLevel.Error, LabEventTexts.RoleNotOnline(vm));
        }
    }

    /// <summary>The links a crash left behind: the node's VMMS cannot reach those configurations any more and says so (4096).</summary>
    private void WriteStaleLinks(LabNode node)
    {
        foreach (var link in state.StaleLinks(node))
        {
            Write(node.Name, EventSources.VmmsLog, EventSources.VmmsProvider, LabEventTexts.ConfigUnreachableId, WinEventLevel.Error, LabEventTexts.ConfigUnreachable(link));
        }
    }
}
