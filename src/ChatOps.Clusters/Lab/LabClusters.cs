using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Clusters.Lab;

/// <summary>Creates lab clusters and gateways over them (for the host, tests and benchmarks).</summary>
public static class LabClusters
{
    /// <summary>The embedded default lab (<c>HVC01</c>, two sites, six nodes, every seeded failure).</summary>
    public static ILabCluster LoadDefault(TimeProvider? time = null) => new LabCluster(LabLoader.LoadDefault(), time ?? TimeProvider.System);

    /// <summary>An embedded lab by name (<c>default</c>, <c>modern</c>) or a YAML file by path.</summary>
    public static ILabCluster Load(string nameOrPath, TimeProvider? time = null) => LabLoader.IsEmbedded(nameOrPath)
        ? new LabCluster(LabLoader.LoadEmbedded(nameOrPath), time ?? TimeProvider.System)
        : LoadFile(nameOrPath, time);

    /// <summary>A lab from a YAML file; <see cref="LabDefinitionException"/> names the file and line on error.</summary>
    public static ILabCluster LoadFile(string path, TimeProvider? time = null) => new LabCluster(LabLoader.LoadFile(path), time ?? TimeProvider.System);

    /// <summary>A lab from YAML text.</summary>
    public static ILabCluster Parse(string yaml, TimeProvider? time = null) => new LabCluster(LabLoader.Parse(yaml, "lab"), time ?? TimeProvider.System);

    /// <summary>A large uniform lab for benchmarks: deterministic for a given seed.</summary>
    public static ILabCluster Generate(LabGeneratorOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lab = new LabCluster(LabStateFactory.Create(LabGenerator.Define(options)), time ?? TimeProvider.System);
        LabGenerator.InjectFaults(lab, options);
        return lab;
    }

    /// <summary>A gateway over a lab with the given per-node timeout (default 8 s).</summary>
    public static IClusterGateway CreateGateway(ILabCluster lab, TimeSpan? nodeTimeout = null, ILoggerFactory? loggers = null)
    {
        var concrete = lab as LabCluster ?? throw new ArgumentException("The lab must come from LabClusters.", nameof(lab));
        var options = Options.Create(new ClusterOptions { NodeTimeout = nodeTimeout ?? TimeSpan.FromSeconds(8) });
        return new LabClusterGateway(concrete, options, (loggers ?? NullLoggerFactory.Instance).CreateLogger<LabClusterGateway>());
    }
}
