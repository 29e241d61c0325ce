namespace ChatOps.Clusters.PowerShell;

/// <summary>Why a script gave no result.</summary>
public enum PowerShellErrorKind
{
    /// <summary>No answer within the timeout; the process tree was killed.</summary>
    Timeout,

    /// <summary>The thing asked for (VM worker, config link, cmdlet, script) does not exist.</summary>
    NotFound,

    /// <summary>The account may not do this (JEA role, WinRM, file or process rights).</summary>
    AccessDenied,

    /// <summary>The node or cluster could not be reached.</summary>
    Unreachable,

    /// <summary>The script wrote something that is not the JSON document it promises.</summary>
    BadOutput,

    /// <summary>The script wrote more than <see cref="PowerShellOptions.MaxOutputBytes"/>; it was killed.</summary>
    OutputTooLarge,

    /// <summary>A value did not have the shape a script accepts; nothing was started.</summary>
    InvalidArgument,

    /// <summary>The PowerShell executable could not be started.</summary>
    ExecutableMissing,

    /// <summary>The script failed for another reason (its message says which).</summary>
    Failed,
}
