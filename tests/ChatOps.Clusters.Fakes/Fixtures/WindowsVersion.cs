namespace ChatOps.Clusters.Fakes.Fixtures;

/// <summary>The Windows versions a recorded cluster can be shaped after.</summary>
public enum WindowsVersion
{
    /// <summary>Windows Server 2012 R2 (6.3.9600): legacy quorum type names, LBFO, .xml config links.</summary>
    WindowsServer2012R2,

    /// <summary>Windows Server 2019 (10.0.17763): 'Majority' quorum, a file-share witness, LBFO under the vSwitch still allowed.</summary>
    WindowsServer2019,

    /// <summary>Windows Server 2022 (10.0.20348), shapes also of 2025: Cloud Witness, SET, no LBFO under a vSwitch.</summary>
    WindowsServer2022,

    /// <summary>Azure Local 23H2 (10.0.25398): as 2022 plus Storage Spaces Direct volumes and App Control on.</summary>
    AzureLocal23H2,
}
