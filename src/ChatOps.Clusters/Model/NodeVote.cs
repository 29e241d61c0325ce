namespace ChatOps.Clusters.Model;

/// <summary>
/// A node's quorum vote: <c>NodeWeight</c>, the vote it is configured with (0 or 1), and
/// <c>DynamicWeight</c>, the vote dynamic quorum gives it now (0 when it is down or when the cluster
/// took its vote to keep the total odd), null before Windows Server 2012. Source: learn.microsoft.com
/// "Understand cluster and pool quorum" (Dynamic quorum management) and the Get-ClusterNode output.
/// </summary>
public sealed record NodeVote(int NodeWeight, int? DynamicWeight);
