namespace ChatOps.Clusters.PowerShell;

/// <summary>Why a node function gave no result.</summary>
public enum PowerShellErrorKind
{
    /// <summary>No answer within the timeout; the pipeline was stopped and the node's session replaced.</summary>
    Timeout,

    /// <summary>The thing asked for (VM worker, config link, endpoint function) does not exist.</summary>
    NotFound,

    /// <summary>The account may not do this (JEA role, WinRM, file or process rights).</summary>
    AccessDenied,

    /// <summary>The node or cluster could not be reached.</summary>
    Unreachable,

    /// <summary>The function wrote something that is not the JSON document it promises.</summary>
    BadOutput,

    /// <summary>The function wrote more than <see cref="PowerShellOptions.MaxOutputBytes"/>; it was stopped.</summary>
    OutputTooLarge,

    /// <summary>A value did not have the shape a function accepts; nothing was run.</summary>
    InvalidArgument,

    /// <summary>The node checked the action's safety conditions again and refused it.</summary>
    Refused,

    /// <summary>The function failed for another reason (its message says which).</summary>
    Failed,
}
