namespace ChatOps.Clusters.Model;

/// <summary>A node's membership state as the cluster reports it.</summary>
public enum NodeState
{
    /// <summary>A full member that can host VMs.</summary>
    Up,

    /// <summary>Not a member right now (cluster service stopped, crashed or cut off).</summary>
    Down,

    /// <summary>A member that keeps its VMs but takes no failovers (maintenance).</summary>
    Paused,

    /// <summary>Rejoining the cluster.</summary>
    Joining,

    /// <summary>The cluster's membership could not be read: nothing is known of the node's state.</summary>
    Unknown,
}
