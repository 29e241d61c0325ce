using System.Text;

namespace ChatOps.Knowledge.Search;

/// <summary>Typed text made safe to analyze: normalised, bounded, never parsed as query syntax.</summary>
internal static class UserQuery
{
    /// <summary>Longer input is cut; nobody types a useful search this long.</summary>
    public const int MaxLength = 256;

    /// <summary>At most this many words of each kind go into a query.</summary>
    public const int MaxTerms = 24;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var normalized = text.Length > MaxLength * 4 ? text[..(MaxLength * 4)] : text;
        normalized = normalized.Normalize(NormalizationForm.FormKC);
        normalized = normalized.Length > MaxLength ? normalized[..MaxLength] : normalized;
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    /// <summary>Words as typed, lower-cased, for the exact-id field: <c>KB970529</c>, <c>4096</c>, <c>vm-state-desync</c>.</summary>
    public static IReadOnlyList<string> ExactTokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c) || c == '-')
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (current.Length > 0)
            {
                tokens.Add(current.ToString().Trim('-'));
                current.Clear();
            }
        }

        return tokens.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxTerms).ToList();
    }
}
