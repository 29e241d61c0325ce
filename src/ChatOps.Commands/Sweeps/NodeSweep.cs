namespace ChatOps.Commands.Sweeps;

/// <summary>One node's part of a sweep: its components and versions, or why it could not be read.</summary>
/// <param name="Node">Node name.</param>
/// <param name="Components">Component key (e.g. <c>driver:MPIO</c>, <c>firmware:HBA</c>, <c>hotfix:KB970529</c>) to version or state.</param>
/// <param name="Failure">Why the node was not read (timeout, unreachable), or null.</param>
public sealed record NodeSweep(string Node, IReadOnlyDictionary<string, string> Components, string? Failure = null)
{
    /// <summary>Whether the node answered.</summary>
    public bool Reachable => Failure is null;

    /// <summary>A stable hash of the components, to see at a glance whether a node changed.</summary>
    public string Hash => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
        string.Join('\n', Components.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")))))[..16];
}
