namespace ChatOps.Bot.Pages;

/// <summary>
/// Where a reader lands after signing in: a path on this service, never another site. The rule is
/// ASP.NET's <c>Url.IsLocalUrl</c> (which lives in MVC, not in this minimal host): one leading
/// <c>/</c>, not followed by <c>/</c> or <c>\</c> (browsers read both as "another host"), and
/// no control characters (which browsers strip, turning <c>/\t/evil</c> into <c>//evil</c>).
/// </summary>
internal static class ReturnUrl
{
    /// <summary>The page a return URL that is not local falls back to.</summary>
    public const string Home = "/";

    public static bool IsLocal(string? url) =>
        url is ['/'] ||
        (url is ['/', not ('/' or '\\'), ..] && !url.AsSpan(1).ContainsAnyInRange('\0', '\u001f') && !url.Contains('\u007f', StringComparison.Ordinal));

    /// <summary><paramref name="url"/> when it is a local path, else <see cref="Home"/>.</summary>
    public static string LocalOrHome(string? url) => IsLocal(url) ? url! : Home;
}
