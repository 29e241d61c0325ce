namespace ChatOps.Clusters.Lab.Definition;

/// <summary>The YAML shape of a lab cluster (see <c>Lab/default-lab.yaml</c>).</summary>
internal sealed class LabDefinition
{
    public string Name { get; set; } = "LAB";

    public int Seed { get; set; } = 1;

    public long HostReserveMb { get; set; } = 4096;

    public List<LabSiteSpec> Sites { get; set; } = [];

    public LabQuorumSpec Quorum { get; set; } = new();

    public LabNodeSpec NodeDefaults { get; set; } = new();

    public List<LabNodeSpec> Nodes { get; set; } = [];

    public LabVmSpec VmDefaults { get; set; } = new();

    public List<LabVmSpec> Vms { get; set; } = [];

    public List<LabDiskSpec> Disks { get; set; } = [];

    public List<LabEventSpec> Events { get; set; } = [];

    /// <summary>ClusterFunctionalLevel (2016 and later); unset, the cluster reports none, as 2012 R2 and older.</summary>
    public int? FunctionalLevel { get; set; }

    /// <summary>ClusterUpgradeFunctionalLevel: the level every node supports; unset, the same as <see cref="FunctionalLevel"/>.</summary>
    public int? UpgradeFunctionalLevel { get; set; }
}
