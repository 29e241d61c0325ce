namespace ChatOps.Clusters.Checks;

/// <summary>Runbook ids in <c>kb/</c> that findings link to.</summary>
public static class KbIds
{
    /// <summary>Spare capacity for one host's load.</summary>
    public const string FailoverCapacityReserve = "failover-capacity-reserve";

    /// <summary>Cluster and Hyper-V disagree about a VM.</summary>
    public const string VmStateDesync = "vm-state-desync";

    /// <summary>Paused-Critical, Saved-Critical, Off-Critical.</summary>
    public const string VmCriticalStates = "vm-critical-states";

    /// <summary>A rolling upgrade half done: mixed versions, functional level not raised.</summary>
    public const string MixedVersionsFunctionalLevel = "mixed-versions-functional-level";

    /// <summary>Live migration that fails or is refused, and what to check before a move.</summary>
    public const string LiveMigrationFailed = "live-migration-failed";

    /// <summary>A cloud or file-share witness that is offline or failed.</summary>
    public const string CloudWitnessUnreachable = "cloud-witness-unreachable";

    /// <summary>CSV I/O paused on a node (event 5120, STATUS_IO_TIMEOUT).</summary>
    public const string CsvPausedIoTimeout = "csv-paused-io-timeout";

    /// <summary>CSV I/O redirected through the coordinator node.</summary>
    public const string CsvRedirectedAccess = "csv-redirected-access";

    /// <summary>Compute resiliency: a node isolated or quarantined.</summary>
    public const string NodeQuarantinedOrIsolated = "node-quarantined-or-isolated";

    /// <summary>A drain that could not move every role off its node.</summary>
    public const string NodeDrainFailed = "node-drain-failed";

    /// <summary>Stale VM config links and event 4096.</summary>
    public const string StaleVmConfigLinks = "stale-vm-config-links-4096";

    /// <summary>Hotfix sets identical on every node.</summary>
    public const string PatchLevelParity = "patch-level-parity";

    /// <summary>Volume GUID change after a LUN resize; KB970529.</summary>
    public const string VolumeGuidChange = "volume-guid-change-kb970529";

    /// <summary>LUN not presented to a node.</summary>
    public const string LunNotPresented = "lun-not-presented-to-node";

    /// <summary>Driver versions identical on every node.</summary>
    public const string DriverParity = "driver-parity-across-nodes";

    /// <summary>Firmware of the data path identical on every node.</summary>
    public const string FirmwareParity = "firmware-data-path-parity";

    /// <summary>HP ASR false reboots.</summary>
    public const string HpAsr = "hp-asr-false-reboot";

    /// <summary>Legacy NIC answers ping after shutdown.</summary>
    public const string LegacyNic = "ping-after-shutdown-legacy-nic";

    /// <summary>Duplicate IP / APIPA after failover.</summary>
    public const string DuplicateIpApipa = "duplicate-ip-apipa-after-failover";

    /// <summary>Quorum models and witness placement.</summary>
    public const string QuorumConfiguration = "quorum-configuration";

    /// <summary>VT, DEP, x64, SLAT.</summary>
    public const string HostHardware = "host-hardware-prerequisites";

    /// <summary>iSCSI network design.</summary>
    public const string IscsiNetwork = "iscsi-storage-network-design";

    /// <summary>A host cut off from the others.</summary>
    public const string HostIsolation = "host-isolation";

    /// <summary>DNS re-resolution after a cross-site failover.</summary>
    public const string MultisiteDns = "multisite-dns-reresolution";

    /// <summary>Shared storage, identical networks, working DNS.</summary>
    public const string ClusterPrerequisites = "cluster-prerequisites";

    /// <summary>Killing the cluster service or one VM worker process, the last resort for a hung node.</summary>
    public const string KillClusterService = "kill-clussvc-last-resort";
}
