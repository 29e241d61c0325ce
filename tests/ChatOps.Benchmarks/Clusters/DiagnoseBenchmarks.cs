using BenchmarkDotNet.Attributes;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;

namespace ChatOps.Benchmarks.Clusters;

/// <summary>
/// <c>diagnose</c> over a generated lab of 64 nodes and 2,000 VMs. Target: p99 under 50 ms for
/// every check on one snapshot (<see cref="AllChecks"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentilesConfig))]
public class DiagnoseBenchmarks
{
    private ClusterSnapshot _snapshot = null!;
    private IClusterGateway _gateway = null!;

    [GlobalSetup]
    public void Setup()
    {
        var lab = LabClusters.Generate(new LabGeneratorOptions { Nodes = 64, Vms = 2000 });
        _snapshot = lab.Snapshot();
        _gateway = LabClusters.CreateGateway(lab);
    }

    /// <summary>Every check on one snapshot: what the target is about.</summary>
    [Benchmark(Baseline = true)]
    public CheckReport AllChecks() => ClusterChecks.RunAll(_snapshot);

    /// <summary>A fresh snapshot through the lab gateway (64 concurrent probes) and then every check.</summary>
    [Benchmark]
    public async Task<CheckReport> SnapshotAndAllChecks() => ClusterChecks.RunAll(await _gateway.GetSnapshotAsync(CancellationToken.None));
}
