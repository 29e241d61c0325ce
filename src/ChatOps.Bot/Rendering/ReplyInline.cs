using System.Text.RegularExpressions;

namespace ChatOps.Bot.Rendering;

/// <summary>
/// The inline marks reply text may carry, <c>`code`</c> and <c>**bold**</c>, and nothing else:
/// every other character is data, shown as typed (no Markdown, no HTML).
/// </summary>
internal static partial class ReplyInline
{
    /// <summary>How a run of text is shown.</summary>
    public enum Kind
    {
        Plain,
        Code,
        Bold,
    }

    /// <summary>The text cut into runs, marks removed.</summary>
    public static IReadOnlyList<(string Text, Kind Kind)> Runs(string text)
    {
        var runs = new List<(string, Kind)>();
        var at = 0;
        foreach (Match mark in Marks().Matches(text))
        {
            if (mark.Index > at)
            {
                runs.Add((text[at..mark.Index], Kind.Plain));
            }

            runs.Add(mark.Groups["code"].Success ? (mark.Groups["code"].Value, Kind.Code) : (mark.Groups["bold"].Value, Kind.Bold));
            at = mark.Index + mark.Length;
        }

        if (at < text.Length || runs.Count == 0)
        {
            runs.Add((text[at..], Kind.Plain));
        }

        return runs;
    }

    /// <summary>The runs in a renderer's markup: each run escaped for it, then wrapped as its kind asks.</summary>
    public static string Format(string text, Func<string, string> escape, (string Open, string Close) code, (string Open, string Close) bold) =>
        string.Concat(Runs(text).Select(run => run.Kind switch
        {
            Kind.Code => code.Open + escape(run.Text) + code.Close,
            Kind.Bold => bold.Open + escape(run.Text) + bold.Close,
            _ => escape(run.Text),
        }));

    [GeneratedRegex(@"`(?<code>[^`]+)`|\*\*(?<bold>.+?)\*\*")]
    private static partial Regex Marks();
}
