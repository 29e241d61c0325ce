using System.ComponentModel.DataAnnotations;

namespace ChatOps.Commands.Access;

/// <summary>Who holds which role. Section <c>ChatOps:Access</c>.</summary>
public sealed class AccessOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Access";

    /// <summary>Entra object ids or UPNs of admins (kill, remove). Default: none.</summary>
    [Required]
    public IList<string> Admins { get; init; } = [];

    /// <summary>Entra object ids or UPNs of operators (flushdns, sweeps). Default: none.</summary>
    [Required]
    public IList<string> Operators { get; init; } = [];

    /// <summary>
    /// Entra tenant ids whose Teams activities the bot answers; others are refused and logged.
    /// Default: the bot's own <c>MicrosoftAppTenantId</c> when set, else any tenant. Blank entries are ignored.
    /// </summary>
    [Required]
    public IList<string> AllowedTenants { get; init; } = [];
}
