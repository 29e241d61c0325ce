namespace ChatOps.Clusters.Model;

/// <summary>The cluster's quorum configuration.</summary>
/// <param name="Type">Vote model.</param>
/// <param name="Witness">Kind of witness, if any.</param>
/// <param name="WitnessLocation">Disk resource name or file-share path.</param>
/// <param name="WitnessSite">Site that holds the witness.</param>
public sealed record Quorum(QuorumType Type, WitnessKind Witness, string? WitnessLocation, string? WitnessSite)
{
    /// <summary>
    /// Whether dynamic quorum manages the votes (the cluster property <c>DynamicQuorum</c>, on by default
    /// from Windows Server 2012); null when the version has no such property (2008 R2).
    /// </summary>
    public bool? DynamicQuorum { get; init; }

    /// <summary>Whether the witness resource is online; null when not reported (taken as online). An offline witness does not vote.</summary>
    public bool? WitnessOnline { get; init; }

    /// <summary>The witness resource's state as the cluster names it (Online, Offline, Failed, OnlinePending…); null when not reported.</summary>
    public string? WitnessState { get; init; }

    /// <summary>The witness's live vote (<c>WitnessDynamicWeight</c>, 2012 R2 and later: 0 or 1, set so the total stays odd); null when not reported.</summary>
    public int? WitnessDynamicWeight { get; init; }
}
