namespace ChatOps.Clusters.Planning;

/// <summary>What would happen to the running VMs of failed nodes.</summary>
/// <param name="FailedNodes">The nodes assumed lost.</param>
/// <param name="Placements">VMs that restart, in restart order.</param>
/// <param name="StaysDown">VMs that would stay down (no room, storage not visible, volume gone).</param>
/// <param name="NotRestarted">VMs with priority NoAutoStart: left off by design.</param>
/// <param name="Targets">Nodes that could take VMs (Up, reachable, not failed).</param>
public sealed record FailoverPlan(
    IReadOnlyList<string> FailedNodes,
    IReadOnlyList<Placement> Placements,
    IReadOnlyList<Unplaced> StaysDown,
    IReadOnlyList<string> NotRestarted,
    IReadOnlyList<string> Targets)
{
    /// <summary>True when every VM that should restart finds a home.</summary>
    public bool AllRestart => StaysDown.Count == 0;
}
