namespace ChatOps.Clusters.Lab.Definition;

/// <summary>A site and the host NICs every node in it has.</summary>
internal sealed class LabSiteSpec
{
    public string Name { get; set; } = string.Empty;

    public List<LabNicSpec> Nics { get; set; } = [];
}
