namespace ChatOps.Clusters.Checks;

/// <summary>How urgent a finding is; lower values are more urgent.</summary>
public enum Severity
{
    /// <summary>Service is down or data is at risk now.</summary>
    Critical,

    /// <summary>The next failure will hurt.</summary>
    High,

    /// <summary>A weakness to fix in a maintenance window.</summary>
    Medium,

    /// <summary>Not following a recommendation.</summary>
    Low,

    /// <summary>For information.</summary>
    Info,
}
