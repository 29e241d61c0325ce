using System.Text.RegularExpressions;

namespace ChatOps.Bot.Rendering;

/// <summary>
/// The inline marks reply text may carry (<c>`code`</c>, <c>**bold**</c>), turned into a
/// renderer's markup: the text is escaped for that renderer first, then the marks replaced.
/// </summary>
internal static partial class ReplyInline
{
    public static string Format(string text, Func<string, string> escape, (string Open, string Close) code, (string Open, string Close) bold)
    {
        var escaped = escape(text);
        escaped = Code().Replace(escaped, $"{code.Open}$1{code.Close}");
        return Bold().Replace(escaped, $"{bold.Open}$1{bold.Close}");
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
