using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.PowerShell;

/// <summary>Maps the enum names the node functions write (FailoverClusters and Hyper-V enums) onto the model.</summary>
internal static class StateNames
{
    public static NodeState Node(string name) => name switch
    {
        "Up" => NodeState.Up,
        "Paused" => NodeState.Paused,
        "Joining" => NodeState.Joining,
        "Unknown" => NodeState.Unknown,
        _ => NodeState.Down,
    };

    /// <summary>A value the cluster names (StatusInformation, DrainStatus), by name or number; null when absent or not one the bot knows.</summary>
    public static T? Named<T>(string? name)
        where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;

    /// <summary>A disk resource's ClusterResourceState; a CSV's ClusterSharedVolume State uses the same names.</summary>
    public static DiskState Disk(string? name) => name switch
    {
        "Online" or "" or null => DiskState.Online,
        "Offline" => DiskState.Offline,
        "Failed" => DiskState.Failed,
        "OnlinePending" or "OfflinePending" or "Pending" => DiskState.Pending,
        _ => DiskState.Unknown,
    };

    public static VmGroupState Group(string name) => name switch
    {
        "Online" => VmGroupState.Online,
        "Offline" => VmGroupState.Offline,
        "PartialOnline" => VmGroupState.PartialOnline,
        "Pending" => VmGroupState.Pending,
        _ => VmGroupState.Failed,
    };

    /// <summary>
    /// Hyper-V's VMState (Microsoft.HyperV.PowerShell.VMState, Get-VM's State): the steady and
    /// transitional states, their <c>...Critical</c> variants, and the forced, hibernated and servicing
    /// states of 2016 and later. A name not listed here is <see cref="HyperVState.Other"/>, never Off.
    /// </summary>
    public static HyperVState HyperV(string name)
    {
        var critical = name.EndsWith("Critical", StringComparison.Ordinal);
        HyperVState? normal = (critical ? name[..^"Critical".Length] : name) switch
        {
            "Running" or "Resuming" or "Reset" => HyperVState.Running,
            "Off" => HyperVState.Off,
            "Saved" or "FastSaved" => HyperVState.Saved,
            "Paused" or "Pausing" => HyperVState.Paused,
            "Starting" => HyperVState.Starting,
            "Saving" or "FastSaving" => HyperVState.Saving,
            "Stopping" or "ForceShutdown" or "ForceReboot" => HyperVState.Stopping,
            "Hibernated" when !critical => HyperVState.Hibernated,
            _ => null,
        };
        return normal switch
        {
            null => HyperVState.Other,
            { } value when critical => value + (int)HyperVState.OffCritical,
            { } value => value,
        };
    }

    /// <summary>Cluster group priority: 3000 high, 2000 medium, 1000 low, 0 no auto start.</summary>
    public static FailoverPriority Priority(long value) => value switch
    {
        >= 3000 => FailoverPriority.High,
        >= 2000 => FailoverPriority.Medium,
        >= 1000 => FailoverPriority.Low,
        _ => FailoverPriority.NoAutoStart,
    };

    public static WitnessKind Witness(string name) => name switch
    {
        "FileShare" => WitnessKind.FileShare,
        "Disk" => WitnessKind.Disk,
        "Cloud" => WitnessKind.Cloud,
        _ => WitnessKind.None,
    };

    /// <summary>Windows Server 2016 and later report every witness model as <c>Majority</c>; the witness says which kind.</summary>
    public static QuorumType Quorum(string name, WitnessKind witness) => name switch
    {
        "DiskOnly" => QuorumType.NoMajorityDiskOnly,
        "NodeAndDiskMajority" => QuorumType.NodeAndDiskMajority,
        "NodeAndFileShareMajority" => QuorumType.NodeAndFileShareMajority,
        _ => witness switch
        {
            WitnessKind.Disk => QuorumType.NodeAndDiskMajority,
            WitnessKind.FileShare => QuorumType.NodeAndFileShareMajority,
            WitnessKind.Cloud => QuorumType.NodeAndCloudMajority,
            _ => QuorumType.NodeMajority,
        },
    };

    /// <summary>Windows does not label what a NIC carries; the names admins give them do.</summary>
    public static NicRole NicRole(string name, string description)
    {
        var text = (name + " " + description).ToUpperInvariant();
        return text switch
        {
            _ when text.Contains("ISCSI", StringComparison.Ordinal) => Model.NicRole.Iscsi,
            _ when text.Contains("HEARTBEAT", StringComparison.Ordinal) || text.Contains("CLUSTER", StringComparison.Ordinal) || text.Contains("CSV", StringComparison.Ordinal) => Model.NicRole.Cluster,
            _ when text.Contains("MIGRATION", StringComparison.Ordinal) || name.Equals("LM", StringComparison.OrdinalIgnoreCase) => Model.NicRole.LiveMigration,
            _ when text.Contains("MGMT", StringComparison.Ordinal) || text.Contains("MANAGEMENT", StringComparison.Ordinal) => Model.NicRole.Management,
            _ when text.Contains("CLIENT", StringComparison.Ordinal) || text.Contains("VM", StringComparison.Ordinal) => Model.NicRole.Client,
            _ => Model.NicRole.Other,
        };
    }
}
