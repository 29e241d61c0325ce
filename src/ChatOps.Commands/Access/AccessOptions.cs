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
}
