namespace ChatOps.Clusters.Planning;

/// <summary>Whether the cluster would have quorum, with the vote arithmetic.</summary>
/// <param name="HasQuorum">True when enough votes remain.</param>
/// <param name="Votes">Votes present (nodes Up or Paused, plus the witness).</param>
/// <param name="Needed">Votes needed: a majority of all configured votes.</param>
/// <param name="TotalVotes">All configured votes.</param>
/// <param name="Explanation">One sentence an operator reads.</param>
public sealed record QuorumAssessment(bool HasQuorum, int Votes, int Needed, int TotalVotes, string Explanation);
