namespace ChatOps.Clusters.Model;

/// <summary>
/// A host's processor as live migration sees it: its maker and model (<c>Win32_Processor</c>), its
/// microcode revision and the speculation-control settings, read from the registry without extra modules.
/// </summary>
/// <param name="Manufacturer">The CPU's vendor string, <c>GenuineIntel</c> or <c>AuthenticAMD</c>.</param>
/// <param name="Name">The model string, e.g. <c>Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz</c>.</param>
public sealed record ProcessorInfo(string Manufacturer, string Name)
{
    /// <summary>The loaded microcode revision in hex (<c>Update Revision</c> under <c>HKLM\HARDWARE\DESCRIPTION\System\CentralProcessor\0</c>); null when unknown.</summary>
    public string? Microcode { get; init; }

    /// <summary>
    /// <c>FeatureSettingsOverride</c> and <c>FeatureSettingsOverrideMask</c> under Memory Management:
    /// the speculation-control <em>configuration</em> (null when unset, i.e. Windows' defaults), not the
    /// mitigations in effect, which only a reboot applies and only the Gallery module reads.
    /// </summary>
    public (int? Override, int? Mask) SpeculationControl { get; init; }

    /// <summary>The speculation-control configuration in words, for parity and migration reports.</summary>
    public string SpeculationControlText => SpeculationControl is (null, null)
        ? "not set (Windows defaults)"
        : $"FeatureSettingsOverride={SpeculationControl.Override?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}, Mask={SpeculationControl.Mask?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}";
}
