using System.ComponentModel.DataAnnotations;

namespace ChatOps.Commands.Replies;

/// <summary>Where people reach the bot's own pages (runbooks, sweeps). Section <c>ChatOps:Links</c>.</summary>
public sealed class LinkOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Links";

    /// <summary>
    /// The service's public base URL, as admins' browsers reach it (e.g. <c>https://chatops.contoso.com/</c>).
    /// Default: <c>http://localhost:3978/</c>.
    /// </summary>
    [Required(ErrorMessage = "ChatOps:Links:PublicUrl is required.")]
    public Uri PublicUrl { get; set; } = new("http://localhost:3978/");
}
