namespace ChatOps.Clusters.Model;

/// <summary>The cluster's quorum configuration.</summary>
/// <param name="Type">Vote model.</param>
/// <param name="Witness">Kind of witness, if any.</param>
/// <param name="WitnessLocation">Disk resource name or file-share path.</param>
/// <param name="WitnessSite">Site that holds the witness.</param>
public sealed record Quorum(QuorumType Type, WitnessKind Witness, string? WitnessLocation, string? WitnessSite);
