namespace ChatOps.Commands.Replies;

/// <summary>Typed text repeated back in a reply, made harmless.</summary>
public static class Echo
{
    private const int MaxLength = 40;

    /// <summary>One line, at most 40 characters, no control characters or backticks.</summary>
    public static string Safe(string? typed)
    {
        var text = new string((typed ?? string.Empty).Where(c => !char.IsControl(c) && c != '`').ToArray()).Trim();
        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }
}
