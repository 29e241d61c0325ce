namespace ChatOps.Clusters.Planning;

/// <summary>Whether one VM can live-migrate to one node, and what stands in the way.</summary>
/// <param name="Node">The destination node.</param>
/// <param name="Blockers">What stops the move (it would fail or is refused).</param>
/// <param name="Warnings">Differences that often make a move fail, or that Hyper-V may refuse.</param>
/// <param name="Unknown">What could not be read, so is not judged.</param>
public sealed record MigrationTarget(string Node, IReadOnlyList<string> Blockers, IReadOnlyList<string> Warnings, IReadOnlyList<string> Unknown)
{
    /// <summary>Nothing known blocks the move.</summary>
    public bool IsReady => Blockers.Count == 0;
}
