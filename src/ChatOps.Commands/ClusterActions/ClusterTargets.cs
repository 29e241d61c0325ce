using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.ClusterActions;

/// <summary>
/// Resolves typed names against the live inventory. Only an exact name (after case folding)
/// is ever used; anything else gets a refusal with suggestions and goes no further.
/// </summary>
internal static class ClusterTargets
{
    /// <summary>The inventory's spelling of <paramref name="typed"/>, or null when it is not an exact known name.</summary>
    public static string? Match(string? typed, IEnumerable<string> known) =>
        typed is null ? null : known.FirstOrDefault(k => k.Equals(typed.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"There is no node `NODE9`. Did you mean `NODE1`?"</summary>
    public static string Unknown(string kind, string? typed, IEnumerable<string> known)
    {
        var text = typed?.Trim() ?? string.Empty;
        var suggestion = DidYouMean.Phrase(DidYouMean.Suggest(text, known));
        return $"There is no {kind} `{Echo.Safe(text)}` in the cluster. {suggestion}".TrimEnd();
    }
}
