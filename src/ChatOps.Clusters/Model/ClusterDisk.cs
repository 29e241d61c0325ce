namespace ChatOps.Clusters.Model;

/// <summary>A clustered disk or Cluster Shared Volume.</summary>
/// <param name="Id">Cluster resource name, e.g. <c>CSV1</c>.</param>
/// <param name="SizeGb">Size in GB.</param>
/// <param name="VolumeGuid">Current volume GUID (it changes when the LUN is resized).</param>
/// <param name="IsCsv">Whether it is a Cluster Shared Volume.</param>
public sealed record ClusterDisk(string Id, long SizeGb, Guid VolumeGuid, bool IsCsv);
