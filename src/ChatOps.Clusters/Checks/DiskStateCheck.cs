using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>A clustered disk or CSV that is not online: every VM on it is down or about to be. Failed is Critical, Offline High, going on or off Medium.</summary>
internal sealed class DiskStateCheck : IClusterCheck
{
    public string Id => CheckIds.DiskState;

    public string Title => "Every clustered disk and CSV online";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        foreach (var disk in snapshot.Disks.Where(d => d.State != DiskState.Online))
        {
            var vms = snapshot.Vms.Where(v => v.ConfigVolume != Guid.Empty && v.ConfigVolume == disk.VolumeGuid).Select(v => v.Name).ToList();
            var onIt = vms.Count == 0 ? string.Empty : $"; VMs on it: {string.Join(", ", vms)}";
            var severity = disk.State switch
            {
                DiskState.Failed => Severity.Critical,
                DiskState.Pending => Severity.Medium,
                _ => Severity.High,
            };
            yield return new Finding(Id, severity, disk.Id,
                $"{(disk.IsCsv ? "CSV" : "Disk")} {disk.Id} is {disk.State} in the cluster{onIt}.",
                KbIds.LunNotPresented) { Vms = vms };
        }
    }
}
