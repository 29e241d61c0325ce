using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab.Definition;

/// <summary>Quorum settings.</summary>
internal sealed class LabQuorumSpec
{
    public QuorumType Type { get; set; } = QuorumType.NodeMajority;

    public WitnessKind Witness { get; set; } = WitnessKind.None;

    public string? Location { get; set; }

    public string? Site { get; set; }

    /// <summary>The witness resource's state (Online unless set, e.g. Failed for a cloud witness that cannot reach Azure).</summary>
    public string? WitnessState { get; set; }

    /// <summary>Dynamic quorum on (2012 and later; the lab's default is off, as on 2008 R2).</summary>
    public bool Dynamic { get; set; }
}
