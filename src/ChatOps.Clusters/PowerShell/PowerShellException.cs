namespace ChatOps.Clusters.PowerShell;

/// <summary>A node call that gave no result, with a message fit for a chat reply.</summary>
public sealed class PowerShellException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PowerShellException(PowerShellErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    /// <summary>Creates an exception of kind <see cref="PowerShellErrorKind.Failed"/>.</summary>
    public PowerShellException()
        : this(PowerShellErrorKind.Failed, "The node call failed.")
    {
    }

    /// <summary>Creates an exception of kind <see cref="PowerShellErrorKind.Failed"/>.</summary>
    public PowerShellException(string message)
        : this(PowerShellErrorKind.Failed, message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="PowerShellErrorKind.Failed"/>.</summary>
    public PowerShellException(string message, Exception inner)
        : this(PowerShellErrorKind.Failed, message, inner)
    {
    }

    /// <summary>Why the run gave no result.</summary>
    public PowerShellErrorKind Kind { get; }
}
