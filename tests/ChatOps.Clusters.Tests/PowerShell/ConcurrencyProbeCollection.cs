namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>Tests that read <see cref="ConcurrencyProbe"/> run one at a time.</summary>
[CollectionDefinition(nameof(ConcurrencyProbe), DisableParallelization = true)]
public sealed class ConcurrencyProbeCollection;
