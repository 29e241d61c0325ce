namespace ChatOps.Commands.Routing;

/// <summary>A parsed, validated command ready for its handler.</summary>
public sealed record CommandRequest(
    CommandDefinition Command,
    IReadOnlyDictionary<string, string> Arguments,
    IReadOnlyDictionary<string, string?> Flags,
    CommandContext Context,
    string Text)
{
    /// <summary>The value of a positional argument, or null when absent.</summary>
    public string? Argument(string name) => Arguments.GetValueOrDefault(name);

    /// <summary>Whether a flag was given.</summary>
    public bool HasFlag(string name) => Flags.ContainsKey(name);

    /// <summary>The value of a flag, or null.</summary>
    public string? Flag(string name) => Flags.GetValueOrDefault(name);
}
