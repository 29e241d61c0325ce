using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Planning;

/// <summary>Where a VM would restart.</summary>
public sealed record Placement(string Vm, string From, string To, long MemoryMb, FailoverPriority Priority);
