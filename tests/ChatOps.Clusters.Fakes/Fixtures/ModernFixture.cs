using ChatOps.Clusters.Model;
namespace ChatOps.Clusters.Fakes.Fixtures;

/// <summary>
/// A six-node cluster recorded in the shapes Windows Server 2019, 2022/2025 and Azure Local 23H2
/// return, for the fake modules. Every object follows a documented cmdlet or class, named in its
/// comment; the pages are on learn.microsoft.com under powershell/module/{failoverclusters,
/// hyper-v, netadapter, nettcpip, dnsclient, storage}/&lt;cmdlet&gt;, windows/win32/cimwin32prov/&lt;class&gt;
/// (Win32_*), windows/win32/mscs/&lt;class&gt; (MSCluster_*, cluster resource private properties) and
/// windows-server/virtualization/hyper-v (integration services, VMCX). The values are what a
/// healthy converged host shows, so a check that fires on it is a false alarm, except the few
/// faults <see cref="Faults"/> lists.
/// </summary>
internal static class ModernFixture
{
    public const string StaleLinkVm = "8d6b2c1e-4f3a-4e7b-9a10-5c2d3e4f5a6b";

    /// <summary>The deliberate faults: a VM whose integration services report ProtocolMismatch and a stale DNS entry on node 3.</summary>
    public const string Faults = "FIN-APP02 integration services; app.contoso.local stale on node 3; a stale .vmcx link on node 2";

    private static readonly (string Name, string State, int Node, int Priority, string Integration)[] Vms =
    [
        ("DC01", "Running", 1, 3000, "Ok"),
        ("SQL-PROD01", "Running", 1, 3000, "Ok"),
        ("财务-SQL01", "Running", 2, 3000, "Ok"),                 // non-ASCII names are common in CJK estates
        ("FIN-APP02", "Running", 2, 2000, "ProtocolMismatch"),   // the one real integration-services fault
        ("WEB-01", "Running", 3, 2000, "Ok"),
        ("WEB-02", "ForceShutdown", 3, 2000, "Ok"),               // being forced off: still holds its worker
        ("RDS-01", "ComponentServicing", 4, 1000, "Ok"),          // configuration being serviced
        ("LAB-OLD", "Hibernated", 5, 0, ""),                      // the guest hibernated itself; its group is offline
        ("LINUX-01", "Running", 5, 1000, "Ok"),
        ("BUILD-01", "Running", 6, 1000, "Ok"),
    ];

    public static Dictionary<string, object?> Record(WindowsVersion version)
    {
        var cluster = version == WindowsVersion.AzureLocal23H2 ? "HCI01" : "HVC22";
        var nodes = Enumerable.Range(1, 6).Select(i => $"{Prefix(version)}{i:00}").ToList();
        var csvs = Enumerable.Range(1, 3).Select(i => (Name: Csv(version, i), Guid: FakeCluster.StableGuid(cluster + "csv" + i), Path: $@"C:\ClusterStorage\Volume{i}")).ToList();
        return new()
        {
            // Get-Cluster
            ["Cluster"] = FakeCluster.ClusterRecord(cluster, nodes.Select(_ => NodeState.Up).ToList(), witness: true),
            // Get-ClusterQuorum: 2016+ reports QuorumType Majority whatever the witness; the witness is the resource.
            ["Quorum"] = new Dictionary<string, object?>
            {
                ["QuorumType"] = "Majority",
                ["Resource"] = version == WindowsVersion.WindowsServer2019
                    ? new Dictionary<string, object?> { ["Name"] = "File Share Witness", ["ResourceType"] = "File Share Witness", ["SharePath"] = @"\\FS01\Witness$\HVC22" }
                    // Cloud Witness resource, private property AccountName (Set-ClusterQuorum -CloudWitness).
                    : new Dictionary<string, object?> { ["Name"] = "Cloud Witness", ["ResourceType"] = "Cloud Witness", ["AccountName"] = "contosowitness" },
            },
            // Get-ClusterNode
            ["Nodes"] = FakeCluster.NodeRecords(nodes.Select(n => (n, NodeState.Up)).ToList(), witness: true),
            // Get-ClusterGroup (GroupType VirtualMachine), Get-ClusterOwnerNode, VmID on the 'Virtual Machine' resource.
            ["Groups"] = Vms.Select(v => new
            {
                v.Name,
                State = v.State == "Hibernated" ? "Offline" : "Online",
                OwnerNode = nodes[v.Node - 1],
                v.Priority,
                VmId = VmId(v.Name),
                PreferredOwners = new[] { nodes[v.Node - 1], nodes[v.Node % 6] },
            }),
            // Get-ClusterSharedVolume: SharedVolumeInfo.FriendlyVolumeName under SharedVolumesRoot, Partition.Name the volume GUID path.
            // Get-ClusterSharedVolumeState: Azure Local's CSVs are ReFS on Storage Spaces Direct, and a ReFS CSV is
            // file-system redirected on every node by design (reason FileSystemReFs; learn.microsoft.com "Use Cluster
            // Shared Volumes in a failover cluster" and "Storage Spaces Direct overview"); SAN-backed NTFS CSVs are direct.
            ["SharedVolumes"] = csvs.Select(c => new
            {
                c.Name,
                Size = 4L * 1024 * 1024 * 1024 * 1024,
                VolumeGuid = c.Guid,
                c.Path,
                HiddenFrom = Array.Empty<string>(),
                Access = version == WindowsVersion.AzureLocal23H2
                    ? nodes.ToDictionary(n => n, _ => new Dictionary<string, object?> { ["StateInfo"] = "FileSystemRedirected", ["FileSystemRedirectedIOReason"] = "FileSystemReFs" })
                    : [],
            }),
            // A non-CSV clustered disk in Available Storage (MSCluster_DiskPartition: TotalSize in MB).
            ["Disks"] = new[] { new { Name = "Cluster Disk 4", DiskIdGuid = FakeCluster.StableGuid(cluster + "disk4"), VolumeGuid = FakeCluster.StableGuid(cluster + "vol4"), Path = @"C:\ClusterStorage\Staging\", SizeMb = 512L * 1024 } },
            ["MissingCommands"] = Array.Empty<string>(),
            ["Hosts"] = nodes.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => Host(version, cluster, x.n, x.i, nodes, csvs[0].Path)),
        };
    }

    public static string VmId(string name) => FakeCluster.StableGuid("vm:" + name);

    private static Dictionary<string, object?> Host(WindowsVersion version, string cluster, string node, int index, List<string> nodes, string csv1)
    {
        var number = index + 1;
        var hosted = Vms.Where(v => v.Node == number).ToList();
        var set = version is WindowsVersion.WindowsServer2022 or WindowsVersion.AzureLocal23H2;
        var nic = version == WindowsVersion.WindowsServer2019 ? "QLogic FastLinQ QL41262-DE 25GbE Adapter (VBD Client)" : "Intel(R) Ethernet Controller E810-C for QSFP";
        var address = (int third) => $"10.10.{third}.{10 + number}";
        (string Name, string Description, bool Physical, string? Ip)[] adapters =
        [
            // Get-NetAdapter -Physical: the uplinks of the vSwitch carry no address of their own.
            ("SLOT 3 Port 1", nic, true, null),
            ("SLOT 3 Port 2", nic + " #2", true, null),
            // Host vNICs (Add-VMNetworkAdapter -ManagementOS) hold the host's addresses.
            ("vEthernet (Management)", "Hyper-V Virtual Ethernet Adapter", false, address(0)),
            ("vEthernet (Cluster)", "Hyper-V Virtual Ethernet Adapter #2", false, address(1)),
            ("vEthernet (LiveMigration)", "Hyper-V Virtual Ethernet Adapter #3", false, address(2)),
            ("vEthernet (SMB1)", "Hyper-V Virtual Ethernet Adapter #4", false, address(3)),
        ];
        // Win32_PnPSignedDriver: several devices per class; WMI returns them in no fixed order.
        var drivers = new List<object>
        {
            Driver("NET", "WAN Miniport (IP)", "10.0.20348.1", @"SWD\MSRRAS\MS_NDISWANIP"),
            Driver("NET", "Microsoft Failover Cluster Virtual Adapter", "10.0.20348.2227", @"ROOT\NETFT"),
            Driver("NET", "Hyper-V Virtual Ethernet Adapter", "10.0.20348.2322", @"VMS_MP"),
            Driver("NET", "Microsoft Kernel Debug Network Adapter", "10.0.20348.1", @"ROOT\KDNIC"),
            Driver("NET", nic, "1.14.102.0", @"PCI\VEN_8086&DEV_1592&SUBSYS_000E8086"),
            Driver("NET", nic + " #2", "1.14.102.0", @"PCI\VEN_8086&DEV_1592&SUBSYS_000E8086"),
            Driver("SCSIADAPTER", "Microsoft Storage Spaces Controller", "10.0.20348.2227", @"ROOT\SPACEPORT"),
            Driver("SCSIADAPTER", "HPE Smart Array E208i-a SR Gen10", "106.84.2.64", @"PCI\VEN_9005&DEV_028F&SUBSYS_0E001590"),
            Driver("SCSIADAPTER", "Microsoft iSCSI Initiator", "10.0.20348.1", @"ROOT\ISCSIPRT"),
        };
        if (number % 2 == 0)
        {
            drivers.Reverse();
        }

        var peers = nodes.Where(n => n != node).ToList();
        var dns = peers.ToDictionary(p => p + ".contoso.local", p => (object[])[FakeCluster.ARecord("10.10.0." + (10 + nodes.IndexOf(p) + 1))]);
        foreach (var p in peers)
        {
            dns[p] = dns[p + ".contoso.local"];
        }

        // Resolve-DnsName -Type A on an alias answers its CNAME record first (NameHost, no IPAddress).
        var alias = new object[] { new { Type = "CNAME", NameHost = "web-farm.contoso.local" }, FakeCluster.ARecord("10.10.5.20") };
        var server = new Dictionary<string, object[]>(dns) { ["app.contoso.local"] = alias };
        // Without -Server the client's cache may answer: node 3 still holds the address app had before it moved.
        var cached = new Dictionary<string, object[]>(dns) { ["app.contoso.local"] = number == 3 ? [FakeCluster.ARecord("10.10.9.9")] : alias };
        return new()
        {
            // Win32_OperatingSystem (KB values), Win32_ComputerSystem.HypervisorPresent.
            ["TotalVisibleMemorySize"] = 768L * 1024 * 1024,
            ["FreePhysicalMemory"] = 410L * 1024 * 1024,
            ["OsVersion"] = version switch { WindowsVersion.WindowsServer2019 => "10.0.17763", WindowsVersion.AzureLocal23H2 => "10.0.25398", _ => "10.0.20348" },
            ["Ubr"] = version switch { WindowsVersion.WindowsServer2019 => 6414, WindowsVersion.AzureLocal23H2 => 1189, _ => 2762 },
            ["HypervisorPresent"] = true,
            ["Processor"] = "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
            ["ProcessorManufacturer"] = "GenuineIntel",
            // HKLM\HARDWARE\DESCRIPTION\System\CentralProcessor\0 'Update Revision'; FeatureSettingsOverride 72 with
            // mask 3 is the setting Microsoft's speculation-control guidance gives for Hyper-V hosts (KB4072698).
            ["UpdateRevision"] = FakeCluster.UpdateRevision("0xd0003b9"),
            ["FeatureSettingsOverride"] = 72,
            ["FeatureSettingsOverrideMask"] = 3,
            // Win32_Processor: both read False while the hypervisor runs (the root partition is virtualised).
            ["VirtualizationFirmwareEnabled"] = false,
            ["SecondLevelAddressTranslationExtensions"] = false,
            ["DataExecutionPrevention_Available"] = true,
            ["OSArchitecture"] = "64-bit",
            // ComponentID: the PnP id; vms_mp for a Hyper-V virtual adapter (KB 2872325).
            ["Adapters"] = adapters.Select(a => new { a.Name, InterfaceDescription = a.Description, a.Physical, ComponentID = a.Physical ? @"PCI\VEN_8086&DEV_1592" : "vms_mp", IPAddress = a.Ip, PrefixLength = 24 }),
            // Get-NetLbfoTeam (2019: the LBFO team under the vSwitch); Get-VMSwitchTeam (SET, 2016+, the norm on 2022+).
            ["Teams"] = set ? Array.Empty<object>() : [new { Name = "Team1", Members = new[] { "SLOT 3 Port 1", "SLOT 3 Port 2" } }],
            ["SwitchTeams"] = set ? [new { Name = "ConvergedSwitch", Members = new[] { nic, nic + " #2" } }] : Array.Empty<object>(),
            ["Drivers"] = drivers,
            ["Bios"] = new { SMBIOSBIOSVersion = "U46", ReleaseDate = "2024-06-13" },
            // Win32_QuickFixEngineering lists only CBS packages: the servicing stack, not each cumulative update.
            ["HotFixes"] = new[] { "KB5041160", "KB5040437" },
            ["VmmsVersion"] = "10.0.20348.2762",
            ["DnsAnswers"] = cached,
            ["DnsServerAnswers"] = server,
            ["DnsServers"] = new[] { "10.10.0.5" },
            // Get-DnsClientCache
            ["DnsCache"] = number == 3 ? [new { Entry = "app.contoso.local", Data = "10.10.9.9" }] : Array.Empty<object>(),
            // Get-Disk: every node sees the clustered disk (its Guid is the resource's DiskIdGuid).
            ["DiskGuids"] = new[] { FakeCluster.StableGuid(cluster + "disk4") },
            // ProgramData\Microsoft\Windows\Hyper-V\Virtual Machines: <GUID>.vmcx links from 2016.
            ["ConfigLinks"] = hosted.Select(v => VmId(v.Name).ToUpperInvariant() + ".vmcx").Concat(number == 2 ? [StaleLinkVm.ToUpperInvariant() + ".vmcx"] : []),
            // Get-VM: IntegrationServicesVersion is the guest's own (null when it reports none); State names of VMState.
            ["VMs"] = hosted.Select(v => new
            {
                Id = VmId(v.Name),
                v.Name,
                v.State,
                MemoryStartup = 16L * 1024 * 1024 * 1024,
                IntegrationServicesVersion = v.Integration.Length == 0 ? null : v.Name.StartsWith("LINUX", StringComparison.Ordinal) ? null : "10.0.17763",
                // Get-VMIntegrationService: SecondaryOperationalStatus ProtocolMismatch means the guest's services lag.
                IntegrationStatus = v.Integration.Length == 0 ? null : v.Integration,
                ConfigurationLocation = $@"{csv1}\VMs\{v.Name}",
                ConfigurationVersion = "10.0",
                // Get-VMProcessor: processor compatibility for migration is off unless turned on.
                ProcessorCompatibility = false,
                Adapters = new[] { new { Name = "Network Adapter", IsLegacy = false, IPAddresses = new[] { $"10.20.{number}.{10 + Array.IndexOf(Vms, v)}" } } },
            }),
            ["Processes"] = FakeCluster.Processes(10 + number, hosted.Where(v => v.State is "Running" or "ForceShutdown" or "ComponentServicing").Select(v => System.Guid.Parse(VmId(v.Name)))),
        };
    }

    private static object Driver(string deviceClass, string name, string version, string hardwareId) =>
        new { DeviceClass = deviceClass, DeviceName = name, DriverVersion = version, HardWareID = hardwareId };

    private static string Prefix(WindowsVersion version) => version switch
    {
        WindowsVersion.WindowsServer2019 => "HV19-",
        WindowsVersion.AzureLocal23H2 => "AZL",
        _ => "HV22-",
    };

    private static string Csv(WindowsVersion version, int i) =>
        version == WindowsVersion.AzureLocal23H2 ? $"Cluster Virtual Disk (UserStorage_{i})" : $"Cluster Disk {i}";
}
