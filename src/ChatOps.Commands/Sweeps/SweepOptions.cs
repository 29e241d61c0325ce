using System.ComponentModel.DataAnnotations;
using ChatOps.Clusters;

namespace ChatOps.Commands.Sweeps;

/// <summary>How sweeps run and how long they are kept. Section <c>ChatOps:Sweep</c>.</summary>
public sealed class SweepOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Sweep";

    /// <summary>Nodes probed at once. Default: 32, PowerShell remoting's own throttle.</summary>
    [Range(1, 512, ErrorMessage = "ChatOps:Sweep:Concurrency must be between 1 and 512.")]
    public int Concurrency { get; set; } = ClusterOptions.DefaultProbeConcurrency;

    /// <summary>Days a sweep is kept before the prune job deletes it. Default: 90.</summary>
    [Range(1, 3650, ErrorMessage = "ChatOps:Sweep:KeepDays must be between 1 and 3650.")]
    public int KeepDays { get; set; } = 90;
}
