namespace ChatOps.Clusters.Checks.Parity;

/// <summary>One component across the nodes that answered.</summary>
/// <param name="Category">Driver, Firmware, Hotfix, Integration services or ASR.</param>
/// <param name="Component">Device class, firmware component or hotfix id.</param>
/// <param name="Values">Node → value (<c>(none)</c> when the node lacks the component).</param>
/// <param name="Majority">The value most nodes have, or null on a tie.</param>
/// <param name="Outliers">Nodes that differ from the majority (every node on a tie).</param>
public sealed record ParityRow(
    string Category,
    string Component,
    IReadOnlyDictionary<string, string> Values,
    string? Majority,
    IReadOnlyList<string> Outliers)
{
    /// <summary>Value shown for a component a node does not have.</summary>
    public const string None = "(none)";

    /// <summary>True when not every node has the same value.</summary>
    public bool HasOutliers => Outliers.Count > 0;

    /// <summary>How many nodes hold the majority value.</summary>
    public int MajorityCount => Majority is null ? 0 : Values.Count(v => v.Value == Majority);
}
