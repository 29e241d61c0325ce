using ChatOps.Commands.Access;

namespace ChatOps.Commands.Routing;

/// <summary>
/// A command's metadata. This is the help text: <c>help</c> and <c>help &lt;command&gt;</c> are
/// generated from it, and the router validates input against it.
/// </summary>
public sealed record CommandDefinition
{
    /// <summary>One or two lowercase words, e.g. <c>kb search</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Other names that run the same command.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>One-line help.</summary>
    public required string Summary { get; init; }

    /// <summary>Usage line, e.g. <c>kb search &lt;words&gt;</c>.</summary>
    public required string Usage { get; init; }

    /// <summary>Examples people can copy.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>Least role that may run it. Default: <see cref="Role.Reader"/>.</summary>
    public Role Role { get; init; } = Role.Reader;

    /// <summary>Positional arguments in order.</summary>
    public IReadOnlyList<ArgumentSpec> Arguments { get; init; } = [];

    /// <summary>Accepted <c>--flags</c>.</summary>
    public IReadOnlyList<FlagSpec> Flags { get; init; } = [];

    /// <summary>Whether requests, including refused ones, go to the audit log (actions). Default: false.</summary>
    public bool Audited { get; init; }

    /// <summary>All names, the primary first.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Name);
}
