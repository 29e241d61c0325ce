using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Planning;

/// <summary>
/// Quorum arithmetic, as learn.microsoft.com "Understand cluster and pool quorum" states it: the cluster
/// keeps quorum while more than half of its votes are present.
/// <list type="bullet">
/// <item>With dynamic quorum (<see cref="Quorum.DynamicQuorum"/>, on by default from 2012) the votes are
/// the live ones: each node's <c>DynamicWeight</c> (0 once it is down, or when the cluster took its vote
/// to keep the total odd) and the witness's <c>WitnessDynamicWeight</c>; losing nodes keeps quorum while
/// the votes left are more than half of the live votes now.</item>
/// <item>Without it (2008 R2, or switched off) every node votes its configured <c>NodeWeight</c> (1 when
/// not reported) and the witness 1, and more than half of all configured votes must be present:
/// Up and Paused nodes vote, Down and Joining nodes do not, and an offline witness does not.</item>
/// <item>Disk-only quorum survives while any node holds the disk.</item>
/// </list>
/// The node's own check before <c>kill clussvc</c> (Get-ChatOpsQuorumVotes in the ChatOpsJea module)
/// follows the same rules; <c>FaultMatrixTests.QuorumVerdict_BotAndNodeCountTheSame</c> runs both on the same fixtures.
/// </summary>
public static class QuorumCalculator
{
    /// <summary>Quorum now, without any further loss.</summary>
    public static QuorumAssessment Current(ClusterSnapshot snapshot) => WithoutNodes(snapshot, []);

    /// <summary>Would the cluster keep quorum if these nodes were lost?</summary>
    public static QuorumAssessment WithoutNodes(ClusterSnapshot snapshot, IReadOnlyCollection<string> lost)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(lost);
        return Assess(snapshot, new HashSet<string>(lost, StringComparer.OrdinalIgnoreCase), witnessLost: false, lost.Count == 0 ? "now" : "without " + string.Join(", ", lost));
    }

    /// <summary>Would the cluster keep quorum if a whole site (its nodes, and the witness if it is there) were lost?</summary>
    public static QuorumAssessment WithoutSite(ClusterSnapshot snapshot, string site)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var lost = snapshot.Nodes.Where(n => n.Site.Equals(site, StringComparison.OrdinalIgnoreCase)).Select(n => n.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var witnessLost = string.Equals(snapshot.Quorum.WitnessSite, site, StringComparison.OrdinalIgnoreCase);
        return Assess(snapshot, lost, witnessLost, $"without site {site}");
    }

    /// <summary>True when the snapshot carries live votes for every node and dynamic quorum is on.</summary>
    public static bool UsesLiveVotes(ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Quorum.DynamicQuorum == true && snapshot.Nodes.All(n => n.Vote?.DynamicWeight is not null);
    }

    private static QuorumAssessment Assess(ClusterSnapshot snapshot, HashSet<string> lost, bool witnessLost, string when)
    {
        if (snapshot.Quorum.Type == QuorumType.NoMajorityDiskOnly)
        {
            var present = snapshot.Nodes.Count(n => n.State is NodeState.Up or NodeState.Paused && !lost.Contains(n.Name));
            var ok = present > 0;
            return new QuorumAssessment(ok, present, 1, 1, $"Disk-only quorum {when}: {(ok ? "kept while a node holds the quorum disk" : "lost: no node left to hold the disk")}.");
        }

        var witness = snapshot.Quorum.Type is QuorumType.NodeAndDiskMajority or QuorumType.NodeAndFileShareMajority or QuorumType.NodeAndCloudMajority ? 1 : 0;
        int total, votes;
        string detail;
        if (UsesLiveVotes(snapshot))
        {
            var witnessVote = snapshot.Quorum.WitnessDynamicWeight ?? witness;
            total = snapshot.Nodes.Sum(n => n.Vote!.DynamicWeight!.Value) + witnessVote;
            votes = total - snapshot.Nodes.Where(n => lost.Contains(n.Name)).Sum(n => n.Vote!.DynamicWeight!.Value) - (witnessLost ? witnessVote : 0);
            var carriers = snapshot.Nodes.Where(n => n.Vote!.DynamicWeight > 0).Select(n => n.Name).ToList();
            var voteless = snapshot.Nodes.Where(n => n.State is NodeState.Up or NodeState.Paused && n.Vote!.DynamicWeight == 0).Select(n => n.Name).ToList();
            detail = $" (dynamic quorum: votes on {(carriers.Count == 0 ? "no node" : string.Join(", ", carriers))}{(witnessVote > 0 ? " and the witness" : string.Empty)}" +
                $"{(voteless.Count > 0 ? $"; {string.Join(", ", voteless)} up without a vote" : string.Empty)})";
        }
        else
        {
            total = snapshot.Nodes.Sum(Weight) + witness;
            var witnessVotes = witnessLost || snapshot.Quorum.WitnessOnline == false ? 0 : witness;
            votes = snapshot.Nodes.Where(n => n.State is NodeState.Up or NodeState.Paused && !lost.Contains(n.Name)).Sum(Weight) + witnessVotes;
            detail = string.Empty;
        }

        var needed = (total / 2) + 1;
        var has = votes >= needed;
        return new QuorumAssessment(has, votes, needed, total,
            $"Quorum {when}: {votes} of {total} votes present, {needed} needed — {(has ? "kept" : "LOST")}{detail}.");
    }

    private static int Weight(NodeResult node) => node.Vote?.NodeWeight ?? 1;
}
