namespace ChatOps.Clusters.Model;

/// <summary>A clustered disk or Cluster Shared Volume.</summary>
/// <param name="Id">Cluster resource name, e.g. <c>CSV1</c>.</param>
/// <param name="SizeGb">Size in GB.</param>
/// <param name="VolumeGuid">Current volume GUID (it changes when the LUN is resized).</param>
/// <param name="IsCsv">Whether it is a Cluster Shared Volume.</param>
/// <param name="Path">Where it is mounted on the nodes (<c>C:\ClusterStorage\Volume1</c> for a CSV), or empty.</param>
public sealed record ClusterDisk(string Id, long SizeGb, Guid VolumeGuid, bool IsCsv, string Path = "")
{
    /// <summary>The disk resource's state as the cluster reports it. Default: online.</summary>
    public DiskState State { get; init; } = DiskState.Online;
}
