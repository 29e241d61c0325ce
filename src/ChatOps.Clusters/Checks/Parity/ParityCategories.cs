namespace ChatOps.Clusters.Checks.Parity;

/// <summary>Row categories of the parity matrix.</summary>
public static class ParityCategories
{
    /// <summary>Driver per device class.</summary>
    public const string Driver = "Driver";

    /// <summary>Firmware per component (BIOS included).</summary>
    public const string Firmware = "Firmware";

    /// <summary>One row per hotfix installed anywhere.</summary>
    public const string Hotfix = "Hotfix";

    /// <summary>OS build and update revision: the patch level of cumulative-update systems.</summary>
    public const string OsBuild = "OS build";

    /// <summary>Integration services offered by the host.</summary>
    public const string IntegrationServices = "Integration services";

    /// <summary>Processor model, microcode revision and speculation-control settings: what live migration needs alike.</summary>
    public const string Processor = "Processor";

    /// <summary>HP Automatic Server Recovery.</summary>
    public const string Asr = "ASR";
}
