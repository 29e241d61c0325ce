namespace ChatOps.Clusters.Model;

/// <summary>What one node reports about itself when probed.</summary>
public sealed record NodeInventory
{
    /// <summary>Node name.</summary>
    public required string Name { get; init; }

    /// <summary>Physical memory in MB.</summary>
    public required long MemoryTotalMb { get; init; }

    /// <summary>Memory in MB still free for VMs (after the host's reserve and running VMs).</summary>
    public required long MemoryFreeMb { get; init; }

    /// <summary>Processor and platform features.</summary>
    public required HardwareFeatures Hardware { get; init; }

    /// <summary>Host NICs.</summary>
    public IReadOnlyList<HostNic> Nics { get; init; } = [];

    /// <summary>Drivers, one per device class.</summary>
    public IReadOnlyList<DriverInfo> Drivers { get; init; } = [];

    /// <summary>Firmware, one per component (BIOS included).</summary>
    public IReadOnlyList<FirmwareInfo> Firmware { get; init; } = [];

    /// <summary>The processor's make, model, microcode and speculation-control settings; null when the node did not report them.</summary>
    public ProcessorInfo? Processor { get; init; }

    /// <summary>Installed hotfix ids, e.g. <c>KB970529</c>.</summary>
    public IReadOnlyList<string> Hotfixes { get; init; } = [];

    /// <summary>Whether HP Automatic Server Recovery is enabled; null when the node cannot tell.</summary>
    public bool? AsrEnabled { get; init; }

    /// <summary>OS version with the update build revision (e.g. <c>10.0.20348.2227</c>): the patch level of cumulative-update systems; null when unknown.</summary>
    public string? OsBuild { get; init; }

    /// <summary>The Windows version without its update revision (10.0.20348 for 10.0.20348.2762): what a rolling upgrade changes; null when unknown.</summary>
    public Version? WindowsVersion => Version.TryParse(OsBuild, out var v) ? new Version(v.Major, v.Minor, Math.Max(0, v.Build)) : null;

    /// <summary>Integration-services version the host offers to its VMs.</summary>
    public required Version IntegrationServices { get; init; }

    /// <summary>GUIDs of the VM config links under <c>ProgramData\...\Virtual Machines</c>.</summary>
    public IReadOnlyList<Guid> ConfigLinks { get; init; } = [];

    /// <summary>Ids of the clustered disks and CSVs this node can see.</summary>
    public IReadOnlyList<string> VisibleDisks { get; init; } = [];

    /// <summary>How this node reaches each CSV (direct, redirected with why, paused), read with <see cref="VisibleDisks"/>.</summary>
    public IReadOnlyList<CsvAccess> CsvAccess { get; init; } = [];

    /// <summary>Other nodes whose names this node resolves in DNS.</summary>
    public IReadOnlyList<string> ResolvableNodes { get; init; } = [];

    /// <summary>Names in the node's DNS client cache that point at an address the name no longer has.</summary>
    public IReadOnlyList<string> StaleDnsEntries { get; init; } = [];

    /// <summary>VMs registered in Hyper-V on this node, with Hyper-V's state.</summary>
    public IReadOnlyList<HostedVm> HyperVVms { get; init; } = [];

    /// <summary>
    /// The parts that could not be read, each with why (the cluster service stopped, VMMS stopped, a
    /// WMI class that failed). An unread part's value is empty, and means unknown, never "none".
    /// Default: every part was read.
    /// </summary>
    public IReadOnlyDictionary<InventoryPart, NodeFailure> Unread { get; init; } = new Dictionary<InventoryPart, NodeFailure>();

    /// <summary>True when this part was read, so its value (even empty) is what the node has.</summary>
    public bool Knows(InventoryPart part) => !Unread.ContainsKey(part);

    /// <summary>Why a part is unknown, as a reply says it: "could not read its Hyper-V VMs (the error)"; the part must be unread.</summary>
    public string WhyUnread(InventoryPart part) => $"could not read {part.Describe()} ({Unread[part].Message})";

    /// <summary>The BIOS version (the <c>BIOS</c> firmware component), or null.</summary>
    public string? Bios => Firmware.FirstOrDefault(f => f.Component.Equals("BIOS", StringComparison.OrdinalIgnoreCase))?.Version;
}
