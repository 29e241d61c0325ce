namespace ChatOps.Commands.Access;

/// <summary>What a caller may do; each role includes the ones below it.</summary>
public enum Role
{
    /// <summary>Queries and the knowledge base. Everyone has it.</summary>
    Reader = 0,

    /// <summary>Low-risk actions: DNS flushes, sweeps, subscriptions.</summary>
    Operator = 1,

    /// <summary>Disruptive actions: kills and removals.</summary>
    Admin = 2,
}
