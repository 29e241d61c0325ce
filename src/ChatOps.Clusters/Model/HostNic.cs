namespace ChatOps.Clusters.Model;

/// <summary>A physical (or teamed) NIC of a node.</summary>
/// <param name="Name">Connection name, e.g. <c>ISCSI-A</c>.</param>
/// <param name="Role">What it carries.</param>
/// <param name="Subnet">Its subnet in CIDR form.</param>
/// <param name="Teamed">Whether it is a member of a NIC team.</param>
public sealed record HostNic(string Name, NicRole Role, string Subnet, bool Teamed);
