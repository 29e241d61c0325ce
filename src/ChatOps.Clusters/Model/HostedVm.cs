namespace ChatOps.Clusters.Model;

/// <summary>A VM registered in Hyper-V on one node, as that node's Hyper-V reports it.</summary>
public sealed record HostedVm(Guid Id, string Name, HyperVState State);
