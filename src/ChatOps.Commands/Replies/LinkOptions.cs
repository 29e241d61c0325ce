namespace ChatOps.Commands.Replies;

/// <summary>Where people reach the bot's own pages (runbooks, sweeps). Section <c>ChatOps:Links</c>.</summary>
public sealed class LinkOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Links";

    /// <summary>Where links point when nothing is configured and the service binds no address (the terminal chat).</summary>
    public static readonly Uri Fallback = new("http://localhost:3978/");

    /// <summary>
    /// The service's public base URL, as admins' browsers reach it (e.g. <c>https://chatops.contoso.com/</c>).
    /// Default: the first address the service binds (<c>--urls</c>), else <see cref="Fallback"/>.
    /// </summary>
    public Uri? PublicUrl { get; set; }
}
