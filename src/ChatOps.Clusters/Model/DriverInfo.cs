namespace ChatOps.Clusters.Model;

/// <summary>The driver installed for one device class.</summary>
/// <param name="DeviceClass">Device class, e.g. <c>MPIO</c>, <c>HBA</c>, <c>NIC</c>.</param>
/// <param name="Name">Provider and product, e.g. <c>HP MPIO DSM</c>.</param>
/// <param name="Version">Version string as the driver reports it.</param>
public sealed record DriverInfo(string DeviceClass, string Name, string Version);
