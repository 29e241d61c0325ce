namespace ChatOps.Clusters.Model;

/// <summary>A VM's network adapter.</summary>
/// <param name="Name">Adapter name.</param>
/// <param name="Legacy">True for an emulated legacy network adapter (routes through the host partition).</param>
/// <param name="Addresses">IP addresses the guest reports.</param>
public sealed record VmNic(string Name, bool Legacy, IReadOnlyList<string> Addresses);
