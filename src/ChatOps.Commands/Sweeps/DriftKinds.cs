namespace ChatOps.Commands.Sweeps;

/// <summary>The kinds of <see cref="DriftChange"/>.</summary>
public static class DriftKinds
{
    /// <summary>A component's version changed.</summary>
    public const string Changed = "Changed";

    /// <summary>A component appeared (driver, hotfix installed).</summary>
    public const string Added = "Added";

    /// <summary>A component disappeared.</summary>
    public const string Removed = "Removed";

    /// <summary>A node joined the cluster.</summary>
    public const string NodeJoined = "NodeJoined";

    /// <summary>A node left the cluster.</summary>
    public const string NodeLeft = "NodeLeft";

    /// <summary>A node stopped answering.</summary>
    public const string NodeUnreachable = "NodeUnreachable";

    /// <summary>A node answers again.</summary>
    public const string NodeBack = "NodeBack";

    /// <summary>A finding appeared.</summary>
    public const string FindingNew = "FindingNew";

    /// <summary>A finding cleared.</summary>
    public const string FindingCleared = "FindingCleared";
}
