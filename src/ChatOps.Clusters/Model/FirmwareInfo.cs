namespace ChatOps.Clusters.Model;

/// <summary>The firmware of one component of a node's data path.</summary>
/// <param name="Component">Component, e.g. <c>BIOS</c>, <c>HBA</c>, <c>Virtual Connect</c>.</param>
/// <param name="Version">Version string.</param>
public sealed record FirmwareInfo(string Component, string Version);
