using System.Globalization;
using System.Text;

namespace ChatOps.Commands.Routing;

/// <summary>First line of defence for typed text: normalises it or says what is wrong.</summary>
internal static class InputGuard
{
    /// <summary>Longest message the router reads.</summary>
    public const int MaxLength = 2000;

    /// <summary>
    /// NFKC-normalised text (full-width letters from a Chinese IME become ASCII; newlines and tabs
    /// become spaces), or the reason it is refused.
    /// </summary>
    public static (string Text, string? Problem) Check(string? raw)
    {
        if (raw is null || string.IsNullOrWhiteSpace(raw))
        {
            return (string.Empty, "I got an empty message.");
        }

        if (raw.Length > MaxLength)
        {
            return (string.Empty, $"That message is {raw.Length:N0} characters long; I read commands of up to {MaxLength:N0}.");
        }

        var text = raw.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\n' or '\r' or '\t')
            {
                builder.Append(' ');
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
            {
                return (string.Empty, $"That message contains a control character (U+{rune.Value:X4}) at position {builder.Length + 1}. Please type plain text.");
            }

            if (category is UnicodeCategory.Format)
            {
                continue; // zero-width joiners and direction marks pasted from other apps
            }

            builder.Append(rune.ToString());
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? (string.Empty, "I got an empty message.") : (cleaned, null);
    }
}
