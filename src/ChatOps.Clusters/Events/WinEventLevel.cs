namespace ChatOps.Clusters.Events;

/// <summary>
/// An event's level as the Windows event log numbers it (the <c>Level</c> key of
/// <c>Get-WinEvent -FilterHashtable</c>; Microsoft Learn, "Creating Get-WinEvent queries with FilterHashtable").
/// </summary>
public enum WinEventLevel
{
    /// <summary>Level 1.</summary>
    Critical = 1,

    /// <summary>Level 2.</summary>
    Error = 2,

    /// <summary>Level 3.</summary>
    Warning = 3,

    /// <summary>Level 4.</summary>
    Information = 4,
}
