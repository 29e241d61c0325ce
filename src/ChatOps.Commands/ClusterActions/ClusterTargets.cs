using ChatOps.Commands.Routing;

namespace ChatOps.Commands.ClusterActions;

/// <summary>
/// Resolves typed names against the live inventory. Only an exact name (after case folding)
/// is ever used; anything else gets a refusal with suggestions and goes no further.
/// </summary>
internal static class ClusterTargets
{
    private const int ShownLength = 40;

    /// <summary>The inventory's spelling of <paramref name="typed"/>, or null when it is not an exact known name.</summary>
    public static string? Match(string? typed, IEnumerable<string> known) =>
        typed is null ? null : known.FirstOrDefault(k => k.Equals(typed.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"There is no node `NODE9`. Did you mean `NODE1`?"</summary>
    public static string Unknown(string kind, string? typed, IEnumerable<string> known)
    {
        var text = typed?.Trim() ?? string.Empty;
        var suggestion = DidYouMean.Phrase(DidYouMean.Suggest(text, known));
        return $"There is no {kind} `{Shown(text)}` in the cluster. {suggestion}".TrimEnd();
    }

    /// <summary>Typed text made safe to echo: one line, at most 40 characters, no backticks.</summary>
    public static string Shown(string? typed)
    {
        var text = new string((typed ?? string.Empty).Where(c => !char.IsControl(c) && c != '`').ToArray()).Trim();
        return text.Length <= ShownLength ? text : text[..ShownLength] + "…";
    }
}
