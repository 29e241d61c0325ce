namespace ChatOps.Clusters.Lab;

/// <summary>A lab file that cannot be loaded; the message names the file, the line and the problem.</summary>
public sealed class LabDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LabDefinitionException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public LabDefinitionException()
        : base("The lab definition is invalid.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public LabDefinitionException(string message)
        : base(message)
    {
    }
}
