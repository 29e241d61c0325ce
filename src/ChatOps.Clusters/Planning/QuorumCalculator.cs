using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Planning;

/// <summary>
/// Quorum arithmetic: every node has one vote and so has the witness, if the model has one;
/// a majority of all configured votes must be present. Up and Paused nodes vote; Down and
/// Joining nodes do not. Disk-only quorum survives while any node holds the disk.
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

    private static QuorumAssessment Assess(ClusterSnapshot snapshot, HashSet<string> lost, bool witnessLost, string when)
    {
        var present = snapshot.Nodes.Count(n => n.State is NodeState.Up or NodeState.Paused && !lost.Contains(n.Name));
        if (snapshot.Quorum.Type == QuorumType.NoMajorityDiskOnly)
        {
            var ok = present > 0;
            return new QuorumAssessment(ok, present, 1, 1, $"Disk-only quorum {when}: {(ok ? "kept while a node holds the quorum disk" : "lost: no node left to hold the disk")}.");
        }

        var witness = snapshot.Quorum.Type is QuorumType.NodeAndDiskMajority or QuorumType.NodeAndFileShareMajority or QuorumType.NodeAndCloudMajority ? 1 : 0;
        var total = snapshot.Nodes.Count + witness;
        var votes = present + (witnessLost ? 0 : witness);
        var needed = (total / 2) + 1;
        var has = votes >= needed;
        return new QuorumAssessment(has, votes, needed, total,
            $"Quorum {when}: {votes} of {total} votes present, {needed} needed — {(has ? "kept" : "LOST")}.");
    }
}
