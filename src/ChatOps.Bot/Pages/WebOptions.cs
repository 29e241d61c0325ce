namespace ChatOps.Bot.Pages;

/// <summary>
/// Who may read the web pages. Section <c>ChatOps:Web</c>. Pages with cluster data
/// (<c>/status</c>, <c>/sweeps/{id}</c>) need sign-in: without <see cref="ClientId"/>, the
/// status page is off and sweep pages are protected only by their unguessable ids; with it, a
/// reader signs in with Entra ID (OpenID Connect) first. Runbook pages are open unless
/// <see cref="PublicRunbooks"/> is false.
/// </summary>
public sealed class WebOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Web";

    /// <summary>The OpenID Connect authority, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The app registration that signs readers in; empty turns sign-in off.</summary>
    public string? ClientId { get; set; }

    /// <summary>Its client secret (authorization-code flow); empty uses the ID-token flow, which needs no secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Whether <c>/</c>, <c>/kb</c> and the runbook pages are open to anyone; false asks for sign-in, which must then be configured.</summary>
    public bool PublicRunbooks { get; set; } = true;

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are believed (IP
    /// addresses), besides this machine's loopback, which is always one. Behind one, the caller is the
    /// address it forwards: <c>/readyz</c> details go only to callers on this machine, not to whoever
    /// reaches the proxy.
    /// </summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Whether sign-in is configured.</summary>
    public bool SignInRequired => !string.IsNullOrWhiteSpace(ClientId);
}
