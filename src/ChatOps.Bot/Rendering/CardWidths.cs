using System.Text.RegularExpressions;

namespace ChatOps.Bot.Rendering;

/// <summary>
/// How wide text will be on a card, estimated from its characters, and the narrowest card that must
/// hold: Teams on a phone, 360 px. A card cannot know the width it is shown at, so every layout is
/// chosen to hold at that width and is only roomier where there is more.
/// </summary>
internal static partial class CardWidths
{
    /// <summary>What a 360 px card leaves for its content, after the card's own padding.</summary>
    public const int NarrowContent = 325;

    /// <summary>What a table cell adds around its text (padding and grid line).</summary>
    public const int CellPadding = 18;

    /// <summary>The widest piece of the text that may not break, in pixels: a name, id, date, number with its unit.</summary>
    public static int LongestWord(string text, bool bold = false) =>
        Words(text).Select(w => Pixels(w, bold)).DefaultIfEmpty(0).Max();

    /// <summary>The text's width on one line, in pixels.</summary>
    public static int Pixels(string text, bool bold = false) =>
        (int)Math.Ceiling(text.Sum(c => Character(c)) * (bold ? 1.1 : 1.0));

    /// <summary>
    /// The text with its words glued, so a browser breaks it only between words: a hyphen inside a name
    /// (LEGACY-DB, DC-East) joined to what follows it with a word joiner; a hyphenated name with Chinese
    /// characters in it (财务-证书-01) joined throughout, while Chinese prose still breaks between
    /// characters; a number joined to its unit, and a status's mark to its value, with a no-break space.
    /// Both are invisible and the command parser drops them from anything typed back, but they stay in
    /// text copied elsewhere, so a web address is left as it is (and code is never glued).
    /// </summary>
    public static string Glue(string text) =>
        string.Join(' ', Unit().Replace(text, "\u00A0").Split(' ').Select(w => w.Contains("://", StringComparison.Ordinal) ? w
            : Hyphen().Replace(CjkName().Replace(w, m => string.Join('\u2060', m.Value.EnumerateRunes())), "-\u2060")));

    /// <summary>The pieces a browser keeps together: split at spaces, and between Chinese characters.</summary>
    private static IEnumerable<string> Words(string text) =>
        Glue(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => w.Contains('\u2060') ? [w] : Cjk().Split(w)).Where(w => w.Length > 0);

    /// <summary>A character drawn about twice as wide as a Latin letter: Chinese, Japanese, Korean and full-width forms.</summary>
    public static bool IsWide(char c) => c >= '\u2E80';

    /// <summary>Conservative widths of the 14 px sans-serif fonts clients fall back on (wider than Segoe UI).</summary>
    private static double Character(char c) => c switch
    {
        '\u2060' => 0,
        ' ' or '\u00A0' => 4.5,
        _ when IsWide(c) => 15,
        'i' or 'l' or 'j' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' => 4.5,
        'm' or 'w' or 'M' or 'W' or '%' => 12.5,
        _ when char.IsUpper(c) || char.IsDigit(c) => 9.5,
        _ => 8,
    };

    [GeneratedRegex(@"(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])")]
    private static partial Regex Hyphen();

    [GeneratedRegex(@"(?<=\d) (?=(?:GB|MB|TB|KB|ms|min|s|h|%)(?![\p{L}\p{N}]))|(?<=^[✖⚠?]) ")]
    private static partial Regex Unit();

    /// <summary>A hyphenated name with Chinese characters in it (财务-证书-01): letters and digits joined by hyphens.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}-])(?=[\p{L}\p{N}-]*[\u2E80-\u9FFF])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+(?![\p{L}\p{N}-])")]
    private static partial Regex CjkName();

    [GeneratedRegex(@"(?<=[\u2E80-\uFFEF])|(?=[\u2E80-\uFFEF])")]
    private static partial Regex Cjk();
}
