using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Planning;

/// <summary>A VM that would stay down, and why.</summary>
public sealed record Unplaced(string Vm, string From, long MemoryMb, FailoverPriority Priority, string Reason);
