using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Subscriptions;

/// <summary>The topics a conversation can subscribe to.</summary>
public static class Topics
{
    /// <summary>The scheduled cluster summary.</summary>
    public const string Summaries = "summaries";

    /// <summary>Every topic.</summary>
    public static IReadOnlyList<string> All { get; } = [Summaries];

    /// <summary>The known topic the user typed (case-insensitive), or null.</summary>
    internal static string? Find(string? typed) => All.FirstOrDefault(t => t.Equals(typed, StringComparison.OrdinalIgnoreCase));

    /// <summary>The answer to an unknown topic, with "did you mean".</summary>
    internal static Reply Unknown(string? typed)
    {
        var hint = DidYouMean.Phrase(DidYouMean.Suggest(typed ?? string.Empty, All));
        return Reply.Error($"There is no topic `{typed}`. Topics: {string.Join(", ", All)}.", hint.Length > 0 ? hint : null);
    }
}
