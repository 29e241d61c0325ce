namespace ChatOps.Commands.Access;

/// <summary>The one wording of a refusal for want of a role, for commands and buttons alike.</summary>
public static class AccessGate
{
    /// <summary>"`kill clussvc` needs the admin role; you are operator."</summary>
    public static string Needs(string what, Role needed, Role actual) =>
        $"`{what}` needs the {needed.ToString().ToLowerInvariant()} role; you are {actual.ToString().ToLowerInvariant()}.";
}
