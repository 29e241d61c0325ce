namespace ChatOps.Clusters.Model;

/// <summary>Kind of quorum witness.</summary>
public enum WitnessKind
{
    /// <summary>No witness.</summary>
    None,

    /// <summary>A clustered disk.</summary>
    Disk,

    /// <summary>A file share.</summary>
    FileShare,

    /// <summary>An Azure storage account (Cloud Witness, Windows Server 2016 and later).</summary>
    Cloud,
}
