namespace ChatOps.Clusters.Model;

/// <summary>Order in which the cluster restarts VMs after a failure.</summary>
public enum FailoverPriority
{
    /// <summary>Restarted first.</summary>
    High,

    /// <summary>Restarted after the high-priority VMs.</summary>
    Medium,

    /// <summary>Restarted last.</summary>
    Low,

    /// <summary>Never restarted automatically.</summary>
    NoAutoStart,
}
