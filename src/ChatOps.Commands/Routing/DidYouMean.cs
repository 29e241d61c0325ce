using ChatOps.Knowledge;

namespace ChatOps.Commands.Routing;

/// <summary>Suggests known names close to what was typed (Damerau–Levenshtein distance).</summary>
public static class DidYouMean
{
    /// <summary>
    /// Candidates within an edit distance of about a third of the input's length (at least 1,
    /// at most 3), closest first; a candidate that starts with the input also counts.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string input, IEnumerable<string> candidates, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(input);
        var typed = input.ToUpperInvariant();
        var limit = Math.Clamp(typed.Length / 3, 1, 3);
        return candidates
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (Name: c, Distance: EditDistance.Between(typed, c.ToUpperInvariant())))
            .Where(x => x.Distance <= limit || (typed.Length >= 2 && x.Name.StartsWith(input, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .Select(x => x.Name)
            .ToList();
    }

    /// <summary>" Did you mean `a` or `b`?" or an empty string.</summary>
    public static string Phrase(IReadOnlyList<string> suggestions) => suggestions.Count switch
    {
        0 => string.Empty,
        1 => $"Did you mean `{suggestions[0]}`?",
        _ => $"Did you mean {string.Join(", ", suggestions.Take(suggestions.Count - 1).Select(s => $"`{s}`"))} or `{suggestions[^1]}`?",
    };
}
