using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Gateway;

/// <summary>A node refused or failed a call; becomes a per-node failure, never a failed command.</summary>
internal sealed class NodeProbeException(NodeFailureKind kind, string message) : Exception(message)
{
    public NodeFailureKind Kind { get; } = kind;
}
