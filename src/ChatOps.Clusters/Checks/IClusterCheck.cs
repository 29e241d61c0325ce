using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>A pure function from a snapshot to findings. Nodes that did not answer are skipped, not guessed.</summary>
public interface IClusterCheck
{
    /// <summary>Stable id, one of <see cref="CheckIds"/>.</summary>
    string Id { get; }

    /// <summary>What it checks, in a few words.</summary>
    string Title { get; }

    /// <summary>Findings for this snapshot; none when healthy.</summary>
    IEnumerable<Finding> Run(ClusterSnapshot snapshot);
}
