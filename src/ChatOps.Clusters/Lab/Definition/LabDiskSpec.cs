namespace ChatOps.Clusters.Lab.Definition;

/// <summary>A clustered disk or CSV.</summary>
internal sealed class LabDiskSpec
{
    public string Id { get; set; } = string.Empty;

    public long SizeGb { get; set; }

    public Guid VolumeGuid { get; set; }

    public bool Csv { get; set; }
}
