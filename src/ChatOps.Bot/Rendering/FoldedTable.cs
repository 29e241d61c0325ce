namespace ChatOps.Bot.Rendering;

/// <summary>
/// How a table too wide for its reader is folded, the same in cards and in the terminal: its first
/// column as it is, the others, in order, as one line of values under one header.
/// </summary>
internal static class FoldedTable
{
    /// <summary>Between the folded values, and between the folded columns' names.</summary>
    public const string Separator = " · ";

    /// <summary>A table of fewer columns is never folded: there would be nothing to fold into.</summary>
    public const int FewestColumns = 3;

    /// <summary>The folded columns' header: "Cluster · Hyper-V · Owner".</summary>
    public static string Header(IReadOnlyList<string> columns) => string.Join(Separator, columns.Skip(1));
}
