using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Planning;

/// <summary>
/// The votes dynamic quorum settles on for a membership, as learn.microsoft.com "Understand cluster and
/// pool quorum" states it: a node that is down, or configured with no vote (NodeWeight 0), has none; the
/// witness votes only when the voting nodes are even, so the total stays odd; with no witness and an
/// even number of voting nodes, one node's vote is zeroed (the cluster picks it, or the node named by
/// LowerQuorumPriorityNodeId; here the last voting node in membership order). With a witness the votes
/// are not adjusted below three: one voting node left keeps the witness's vote (Microsoft's AskCore blog,
/// "Behavior of Dynamic Witness on Windows Server 2012 R2 Failover Clustering"). The lab and the recorded
/// test clusters use it to give each node the DynamicWeight a real cluster would report.
/// </summary>
public static class DynamicVotes
{
    /// <summary>Each node's live vote (in the order given) and the witness's.</summary>
    public static (IReadOnlyList<int> Nodes, int Witness) Assign(IReadOnlyList<(NodeState State, int NodeWeight)> nodes, bool witness)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var votes = nodes.Select(n => n.State is NodeState.Up or NodeState.Paused && n.NodeWeight > 0 ? 1 : 0).ToArray();
        var voting = votes.Sum();
        var even = voting > 0 && voting % 2 == 0;
        if (witness)
        {
            return (votes, even || voting < 3 ? 1 : 0);
        }

        if (even)
        {
            votes[Array.LastIndexOf(votes, 1)] = 0;
        }

        return (votes, 0);
    }
}
