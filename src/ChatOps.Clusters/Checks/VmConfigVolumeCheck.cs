using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>A VM whose config references a volume GUID that no disk has any more (the LUN was resized).</summary>
internal sealed class VmConfigVolumeCheck : IClusterCheck
{
    public string Id => CheckIds.VmConfigVolumeMissing;

    public string Title => "VM configs reference existing volumes";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        var volumes = snapshot.Disks.Select(d => d.VolumeGuid).ToHashSet();
        return snapshot.Vms
            .Where(v => v.ConfigVolume != Guid.Empty && !volumes.Contains(v.ConfigVolume))
            .Select(v => new Finding(Id, Severity.High, v.Name,
                $"{v.Name}'s configuration references volume {{{v.ConfigVolume}}}, which no clustered disk has; quick migration will fail and the VM returns to {v.OwnerNode ?? "its node"}.",
                KbIds.VolumeGuidChange) { Vms = [v.Name], Nodes = v.OwnerNode is null ? [] : [v.OwnerNode] });
    }
}
