namespace ChatOps.Bot.Pages;

/// <summary>
/// Who may read the pages that show cluster data (<c>/sweeps/{id}</c>). Section
/// <c>ChatOps:Pages</c>. Without <see cref="ClientId"/> they are protected only by their
/// unguessable ids; with it, a reader signs in with Entra ID (OpenID Connect) first.
/// </summary>
public sealed class PagesOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Pages";

    /// <summary>The OpenID Connect authority, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The app registration that signs readers in; empty leaves the pages open to anyone with a link.</summary>
    public string? ClientId { get; set; }

    /// <summary>Its client secret (authorization-code flow); empty uses the ID-token flow, which needs no secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Whether sign-in is configured.</summary>
    public bool SignInRequired => !string.IsNullOrWhiteSpace(ClientId);
}
