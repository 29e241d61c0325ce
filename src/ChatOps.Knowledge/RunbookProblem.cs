namespace ChatOps.Knowledge;

/// <summary>What is wrong with one article, and where.</summary>
/// <param name="File">File name (or path) of the article.</param>
/// <param name="Line">1-based line; 0 when the problem is about the file as a whole.</param>
/// <param name="Message">What is wrong, in words an author can act on.</param>
public sealed record RunbookProblem(string File, int Line, string Message)
{
    /// <summary><c>file:line: message</c>, the form compilers use, so editors can jump to it.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
