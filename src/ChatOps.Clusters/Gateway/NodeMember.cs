using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Gateway;

/// <summary>A node as the cluster's membership lists it (no probe needed).</summary>
internal sealed record NodeMember(string Name, NodeState State, string Site, NodeVote? Vote = null);
