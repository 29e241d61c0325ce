namespace ChatOps.Clusters.Model;

/// <summary>The cluster's idea of a VM: the state of its cluster group.</summary>
public enum VmGroupState
{
    /// <summary>Running as far as the cluster knows.</summary>
    Online,

    /// <summary>Stopped on purpose.</summary>
    Offline,

    /// <summary>The cluster tried and could not keep it running.</summary>
    Failed,

    /// <summary>Some of its resources are online.</summary>
    PartialOnline,

    /// <summary>Starting, saving or stopping according to the cluster.</summary>
    Pending,
}
