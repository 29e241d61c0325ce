namespace ChatOps.Clusters.Fakes;

/// <summary>Deadlines for safe actions in tests.</summary>
internal static class Deadline
{
    /// <summary>One no test reaches; a real date, which a node casts to its own local time without overflowing.</summary>
    public static readonly DateTimeOffset Far = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><see cref="Far"/> as the node functions take it (<c>-NotAfter</c>).</summary>
    public const string FarText = "2100-01-01T00:00:00Z";

    /// <summary>One already passed.</summary>
    public static readonly DateTimeOffset Past = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
