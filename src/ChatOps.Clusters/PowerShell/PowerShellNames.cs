using System.Text.RegularExpressions;

namespace ChatOps.Clusters.PowerShell;

/// <summary>
/// The only shapes of values that reach a node function. The node functions' <c>ValidatePattern</c> attributes
/// use the same patterns, so a value is refused twice before it could mean anything to PowerShell.
/// </summary>
internal static partial class PowerShellNames
{
    public const string DefaultSite = "Default";

    /// <summary>A host, node or cluster name: letters, digits, dots and hyphens, starting with a letter or digit.</summary>
    public const string HostPattern = "^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$";

    /// <summary>A JEA session configuration name.</summary>
    public const string ConfigurationPattern = "^[A-Za-z][A-Za-z0-9.]{0,63}$";

    /// <summary>A parameter name.</summary>
    public const string ParameterPattern = "^[A-Za-z][A-Za-z0-9]{0,63}$";

    public static bool IsHost(string? value) => value is not null && HostRegex().IsMatch(value);

    public static bool IsConfiguration(string? value) => value is not null && ConfigurationRegex().IsMatch(value);

    public static bool IsParameter(string? value) => value is not null && ParameterRegex().IsMatch(value);

    [GeneratedRegex(HostPattern, RegexOptions.CultureInvariant)]
    private static partial Regex HostRegex();

    [GeneratedRegex(ConfigurationPattern, RegexOptions.CultureInvariant)]
    private static partial Regex ConfigurationRegex();

    [GeneratedRegex(ParameterPattern, RegexOptions.CultureInvariant)]
    private static partial Regex ParameterRegex();
}
