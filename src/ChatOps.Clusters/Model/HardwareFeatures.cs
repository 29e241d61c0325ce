namespace ChatOps.Clusters.Model;

/// <summary>Processor and platform features Hyper-V needs (SLAT is recommended, not required).</summary>
public sealed record HardwareFeatures(bool Virtualization, bool Dep, bool X64, bool Slat);
