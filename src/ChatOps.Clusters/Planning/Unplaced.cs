using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Planning;

/// <summary>A VM that would stay down, why in words, and the cause (what would fix it depends on it).</summary>
public sealed record Unplaced(string Vm, string From, long MemoryMb, FailoverPriority Priority, string Reason, UnplacedCause Cause);

/// <summary>Why a VM would stay down.</summary>
public enum UnplacedCause
{
    /// <summary>No node is Up (and able to start VMs) to take it.</summary>
    NoNodeUp,

    /// <summary>No surviving node sees its disk.</summary>
    DiskNotVisible,

    /// <summary>Its configuration references a volume that no longer exists: it starts nowhere.</summary>
    ConfigVolumeGone,

    /// <summary>No node that sees its disk has the memory it needs.</summary>
    NoMemory,
}
