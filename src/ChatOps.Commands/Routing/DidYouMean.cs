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
            .Select(c => (Name: c, Distance: Distance(typed, c.ToUpperInvariant())))
            .Where(x => x.Distance <= limit || (typed.Length >= 2 && x.Name.StartsWith(input, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .Select(x => x.Name)
            .ToList();
    }

    /// <summary>Optimal string alignment distance (transpositions count as one edit).</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>" Did you mean `a` or `b`?" or an empty string.</summary>
    public static string Phrase(IReadOnlyList<string> suggestions) => suggestions.Count switch
    {
        0 => string.Empty,
        1 => $"Did you mean `{suggestions[0]}`?",
        _ => $"Did you mean {string.Join(", ", suggestions.Take(suggestions.Count - 1).Select(s => $"`{s}`"))} or `{suggestions[^1]}`?",
    };
}
