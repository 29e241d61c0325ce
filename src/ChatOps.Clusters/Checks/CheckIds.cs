namespace ChatOps.Clusters.Checks;

/// <summary>Stable check ids; runbooks name them in their front matter.</summary>
public static class CheckIds
{
    /// <summary>N+1: a node's VMs fit the others' free memory, by priority.</summary>
    public const string CapacityNPlus1 = "capacity-n-plus-1";

    /// <summary>Cluster group state and Hyper-V state disagree.</summary>
    public const string VmStateDesync = "vm-state-desync";

    /// <summary>A VM in one of Hyper-V's Critical states: its storage unreachable from that node.</summary>
    public const string VmCriticalState = "vm-critical-state";

    /// <summary>VM config links with no VM behind them on that node.</summary>
    public const string StaleConfigLinks = "stale-config-links";

    /// <summary>Hotfix sets differ between nodes.</summary>
    public const string HotfixParity = "hotfix-parity";

    /// <summary>KB970529 missing on a node.</summary>
    public const string Kb970529Missing = "kb970529-missing";

    /// <summary>A VM's config references a volume GUID that no longer exists.</summary>
    public const string VmConfigVolumeMissing = "vm-config-volume-missing";

    /// <summary>A clustered disk is not visible from every node.</summary>
    public const string DiskVisibility = "disk-visibility";

    /// <summary>Driver versions differ per device class.</summary>
    public const string DriverParity = "driver-parity";

    /// <summary>Firmware versions differ per component.</summary>
    public const string FirmwareParity = "firmware-parity";

    /// <summary>Nodes on different Windows versions, or a functional level below what every node supports.</summary>
    public const string MixedVersions = "mixed-versions";

    /// <summary>Processor model, microcode or speculation-control settings differ between nodes.</summary>
    public const string ProcessorParity = "processor-parity";

    /// <summary>HP Automatic Server Recovery enabled.</summary>
    public const string AsrEnabled = "asr-enabled";

    /// <summary>A VM with a legacy network adapter.</summary>
    public const string LegacyNic = "legacy-nic";

    /// <summary>APIPA or duplicate VM addresses.</summary>
    public const string ApipaDuplicateIp = "apipa-duplicate-ip";

    /// <summary>Integration services behind the host's.</summary>
    public const string IntegrationServicesLag = "integration-services-lag";

    /// <summary>Quorum model and witness placement.</summary>
    public const string QuorumWitness = "quorum-witness";

    /// <summary>Losing one node would lose quorum.</summary>
    public const string QuorumNodeLoss = "quorum-node-loss";

    /// <summary>VT, DEP, x64, SLAT and NIC count.</summary>
    public const string HardwarePrerequisites = "hardware-prerequisites";

    /// <summary>Teamed iSCSI NICs, storage on a client subnet.</summary>
    public const string StorageNetwork = "storage-network";

    /// <summary>Nodes Down, Paused, Joining or isolated.</summary>
    public const string NodeState = "node-state";

    /// <summary>Nodes resolve each other; no stale cached records.</summary>
    public const string DnsResolution = "dns-resolution";

    /// <summary>Same cluster networks on every node.</summary>
    public const string ClusterNetworks = "cluster-networks";

    /// <summary>The cluster's own view could not be read at all.</summary>
    public const string ClusterUnreadable = "cluster-unreadable";

    /// <summary>Parts of a node's inventory could not be read.</summary>
    public const string NodePartsUnread = "node-parts-unread";

    /// <summary>A clustered disk or CSV is not online.</summary>
    public const string DiskState = "disk-state";

    /// <summary>The quorum witness resource (disk, file share or cloud) is not online.</summary>
    public const string WitnessHealth = "witness-health";

    /// <summary>A CSV that a node reaches redirected (for a reason that needs fixing) or paused.</summary>
    public const string CsvAccess = "csv-access";

    /// <summary>A node logged a critical or error event that a runbook explains (read by <c>diagnose</c> from the event logs, not from the snapshot).</summary>
    public const string EventLog = "event-log";
}
