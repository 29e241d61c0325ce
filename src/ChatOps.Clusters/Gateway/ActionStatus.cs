namespace ChatOps.Clusters.Gateway;

/// <summary>How an action ended.</summary>
public enum ActionStatus
{
    /// <summary>It ran.</summary>
    Succeeded,

    /// <summary>Not run because it would be unsafe or pointless (see the outcome text).</summary>
    Refused,

    /// <summary>Tried and failed (timeout, unknown target, node error).</summary>
    Failed,
}
