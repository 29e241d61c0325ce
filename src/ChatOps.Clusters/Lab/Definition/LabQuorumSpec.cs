using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab.Definition;

/// <summary>Quorum settings.</summary>
internal sealed class LabQuorumSpec
{
    public QuorumType Type { get; set; } = QuorumType.NodeMajority;

    public WitnessKind Witness { get; set; } = WitnessKind.None;

    public string? Location { get; set; }

    public string? Site { get; set; }
}
