using System.Text.RegularExpressions;

namespace ChatOps.Knowledge.Loading;

/// <summary>The rules every article follows (see <c>kb/README.md</c>).</summary>
internal static partial class RunbookSchema
{
    /// <summary>The level-2 sections, in the order they must appear.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["Symptoms", "Cause", "Diagnose", "Fix", "Prevent", "References"];

    /// <summary>Allowed severities, most severe first.</summary>
    public static IReadOnlyList<string> Severities { get; } = ["critical", "high", "medium", "low", "info"];

    /// <summary>An event's levels, as Windows shows them.</summary>
    public static IReadOnlyList<string> EventLevels { get; } = ["Critical", "Error", "Warning", "Information"];

    /// <summary>The versions an event may be shown on.</summary>
    public static IReadOnlyList<string> EventVersions { get; } = ["2008 R2", "2012", "2012 R2", "2016", "2019", "2022", "2025", "Azure Local"];

    /// <summary>The file that documents the folder and is not an article.</summary>
    public const string ReadmeFile = "README.md";

    /// <summary>Larger files are refused rather than parsed.</summary>
    public const int MaxFileBytes = 512 * 1024;

    /// <summary>Lower-case words joined by single hyphens.</summary>
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex IdPattern();

    /// <summary><c>KB</c> and digits.</summary>
    [GeneratedRegex("^KB[0-9]{4,8}$", RegexOptions.CultureInvariant)]
    public static partial Regex HotfixPattern();

    /// <summary>Rank of a severity for sorting; unknown ones last.</summary>
    public static int Rank(string severity)
    {
        var index = Severities.ToList().IndexOf(severity);
        return index < 0 ? Severities.Count : index;
    }
}
