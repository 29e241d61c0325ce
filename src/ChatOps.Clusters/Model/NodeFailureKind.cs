namespace ChatOps.Clusters.Model;

/// <summary>Why a node gave no inventory.</summary>
public enum NodeFailureKind
{
    /// <summary>No answer within the per-node timeout.</summary>
    Timeout,

    /// <summary>Connection refused or host not found.</summary>
    Unreachable,

    /// <summary>The node answered with an error.</summary>
    Error,

    /// <summary>The node refused the bot's account (WinRM, the JEA role, or the rights an action needs).</summary>
    AccessDenied,
}
