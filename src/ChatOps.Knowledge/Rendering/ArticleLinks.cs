using ChatOps.Knowledge.Loading;

namespace ChatOps.Knowledge.Rendering;

/// <summary>Recognises links between articles: a relative <c>other-id.md</c>.</summary>
public static class ArticleLinks
{
    /// <summary>The article id a link points to, or null when it is not a link to another article.</summary>
    public static string? TargetId(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Contains(':', StringComparison.Ordinal) || url.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        var path = url.Split('#')[0];
        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var id = path[..^3];
        return RunbookSchema.IdPattern().IsMatch(id) ? id : null;
    }
}
