using System.Text;

namespace ChatOps.Commands.Routing;

/// <summary>Splits a message into words; double, single and typographic quotes group words.</summary>
internal static class Tokenizer
{
    private static readonly Dictionary<char, char> Quotes = new()
    {
        ['"'] = '"',
        ['\''] = '\'',
        ['\u201C'] = '\u201D',
        ['\u2018'] = '\u2019',
        ['\u300C'] = '\u300D',
    };

    /// <summary>The words, or an error naming the unterminated quote.</summary>
    public static (IReadOnlyList<string> Tokens, string? Error) Split(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inToken = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inToken)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }

                continue;
            }

            if (!inToken && Quotes.TryGetValue(c, out var close))
            {
                var end = text.IndexOf(close, i + 1);
                if (end < 0)
                {
                    return (tokens, $"The quote {c} opened at character {i + 1} is never closed.");
                }

                tokens.Add(text[(i + 1)..end]);
                i = end;
                continue;
            }

            current.Append(c);
            inToken = true;
        }

        if (inToken)
        {
            tokens.Add(current.ToString());
        }

        return (tokens, null);
    }
}
