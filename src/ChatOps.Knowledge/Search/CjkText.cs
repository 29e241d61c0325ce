namespace ChatOps.Knowledge.Search;

/// <summary>Tells Chinese characters apart from the rest, so each analyzer sees only its script.</summary>
internal static class CjkText
{
    /// <summary>Han ideographs (unified, extension A, compatibility).</summary>
    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>Whether the text holds any Chinese character.</summary>
    public static bool HasCjk(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The same text with everything but Chinese characters blanked out. The length is kept,
    /// so offsets (for highlighting) still point into the original. Null when there is no Chinese.
    /// </summary>
    public static string? Mask(string text)
    {
        if (!HasCjk(text))
        {
            return null;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = IsCjk(source[i]) ? source[i] : ' ';
            }
        });
    }
}
