namespace ChatOps.Clusters.Model;

/// <summary>One node's Hyper-V view of a clustered VM.</summary>
public sealed record VmHostState(string Node, HyperVState State);
