using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;
using ChatOps.Clusters.PowerShell;
using ChatOps.Clusters.PowerShell.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Clusters.Fakes;

/// <summary>
/// A cluster recorded in the shape the real cmdlets return, written to a temporary folder for the
/// fake FailoverClusters, Hyper-V and Windows modules: by default the default lab as a Windows
/// Server 2012 R2 cluster (the lab's failure modes, that era's shapes); <c>ModernFixture</c>
/// records 2019, 2022/2025 and Azure Local clusters. Each node gets its own C: folder.
/// </summary>
internal sealed class FakeCluster : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatops-fake-").FullName;

    public FakeCluster(IReadOnlyDictionary<string, string>? faults = null, Action<JsonObject>? change = null)
        : this(Record2012R2(LabClusters.LoadDefault().Snapshot()), faults, change)
    {
    }

    /// <summary>A recording, with faults per node (see FakeData.ps1) and, optionally, changed as JSON before the fakes read it.</summary>
    public FakeCluster(Dictionary<string, object?> record, IReadOnlyDictionary<string, string>? faults = null, Action<JsonObject>? change = null)
    {
        Lab = LabClusters.LoadDefault().Snapshot();
        record["Faults"] = faults ?? new Dictionary<string, string>();
        Record = record;
        var json = JsonSerializer.SerializeToNode(record)!.AsObject();
        change?.Invoke(json);
        File.WriteAllText(FixturePath, json.ToJsonString());
        foreach (var (node, host) in json["Hosts"]!.AsObject())
        {
            var links = Path.Combine(NodeRoot(node), "ProgramData", "Microsoft", "Windows", "Hyper-V", "Virtual Machines");
            Directory.CreateDirectory(links);
            // Hyper-V's entries there are symbolic links to the VM's configuration on its volume (Hyper-V's
            // "Virtual Machines" group holds the right to create symbolic links for them: the AskCore blog
            // "Logon Failures Involving Virtual Machines in Windows Server 2012").
            var volume = Path.Combine(NodeRoot(node), "ClusterStorage", "Volume1");
            Directory.CreateDirectory(volume);
            foreach (var file in host!["ConfigLinks"]!.AsArray().Select(f => (string)f!))
            {
                File.WriteAllText(Path.Combine(volume, file), "<configuration />");
                File.CreateSymbolicLink(Path.Combine(links, file), Path.Combine(volume, file));
            }
        }
    }

    /// <summary>The default lab's snapshot (what the 2012 R2 recording was made from).</summary>
    public ClusterSnapshot Lab { get; }

    public Dictionary<string, object?> Record { get; }

    public string Name => (string)((Dictionary<string, object?>)Record["Cluster"]!)["Name"]!;

    public string FixturePath => Path.Combine(_folder, "cluster.json");

    /// <summary>Every Terminate and cache flush the fakes were asked for.</summary>
    public string LogPath => Path.Combine(_folder, "calls.log");

    public string TranscriptFolder => Path.Combine(_folder, "transcripts");

    public string[] Calls => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    /// <summary>The folder holding each node's C: drive, one sub-folder per node (upper-case name).</summary>
    public string NodesRoot => Path.Combine(_folder, "nodes");

    /// <summary>The folder a node's C: drive maps to.</summary>
    public string NodeRoot(string node) => Path.Combine(NodesRoot, node.ToUpperInvariant());

    /// <summary>
    /// The runspace variables that make a session this computer's, for the fake modules (see
    /// FakeData.ps1): which recording, which computer, where side effects are logged, where the nodes'
    /// C: drives are; and <c>$PSSenderInfo</c>, which every remoting session has.
    /// </summary>
    public IReadOnlyDictionary<string, string> SessionVariables(string computer) => new Dictionary<string, string>
    {
        ["PSSenderInfo"] = $"CONTOSO\\svc-chatops from the bot host to {computer}",
        ["ChatOpsFakeCluster"] = FixturePath,
        ["ChatOpsFakeNode"] = computer,
        ["ChatOpsFakeLog"] = LogPath,
        ["ChatOpsFakeNodesRoot"] = NodesRoot,
    };

    public string LinkFolder(string node) => Path.Combine(NodeRoot(node), "ProgramData", "Microsoft", "Windows", "Hyper-V", "Virtual Machines");

    public PowerShellOptions Options() => new() { ClusterName = Name };

    public NodeSessions Runner(PowerShellOptions? options = null) =>
        new(new JeaRunspacePoolFactory(this), options ?? Options(), NullLogger<NodeSessions>.Instance);

    /// <summary>The production gateway over this cluster's endpoints, each node under <paramref name="nodeTimeout"/> (default 60 s: the fakes share two cores with the suite).</summary>
    public PowerShellClusterGateway Gateway(PowerShellOptions? options = null, TimeSpan? nodeTimeout = null)
    {
        options ??= Options();
        return new PowerShellClusterGateway(
            Runner(options),
            options,
            Microsoft.Extensions.Options.Options.Create(new ClusterOptions { Backend = ClusterOptions.PowerShellBackend, NodeTimeout = nodeTimeout ?? TimeSpan.FromSeconds(60) }),
            TimeProvider.System,
            NullLogger<PowerShellClusterGateway>.Instance);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A transcript still being closed by a retired pool; the temp folder is cleaned later.
        }
    }

    /// <summary>
    /// The default lab as Windows Server 2012 R2 reports it: legacy quorum type names, LBFO teams,
    /// <c>.xml</c> config links, integration services versioned with the host's vmms.exe, the
    /// hypervisor running on every node whose hardware allows it.
    /// </summary>
    /// <summary>
    /// The registry's <c>Update Revision</c> for a revision like <c>0xd0003b9</c>: 8 bytes (as numbers in the fixture's JSON), little endian,
    /// an Intel revision in the high dword (learn.microsoft.com, "Intel microcode updates" KB articles read it there).
    /// </summary>
    internal static int[]? UpdateRevision(string? microcode) =>
        microcode is null ? null : [.. BitConverter.GetBytes(ulong.Parse(microcode.Replace("0x", string.Empty, StringComparison.Ordinal), NumberStyles.HexNumber, CultureInfo.InvariantCulture) << 32).Select(b => (int)b)];

    /// <summary>The reasons of <c>BlockRedirectedIOReason</c>; every other reason is <c>FileSystemRedirectedIOReason</c>'s (clusapi CLUSTER_SHARED_VOLUME_STATE_INFO_EX).</summary>
    private static readonly string[] BlockRedirectReasons = ["NoDiskConnectivity", "StorageSpaceNotAttached", "VolumeReplicationEnabled"];

    private static Dictionary<string, object?> Record2012R2(ClusterSnapshot lab)
    {
        var quorumResource = lab.Quorum.Witness switch
        {
            WitnessKind.FileShare => new Dictionary<string, object?> { ["Name"] = "File Share Witness", ["ResourceType"] = "File Share Witness", ["SharePath"] = lab.Quorum.WitnessLocation },
            WitnessKind.Disk => new Dictionary<string, object?> { ["Name"] = lab.Quorum.WitnessLocation, ["ResourceType"] = "Physical Disk" },
            WitnessKind.Cloud => new Dictionary<string, object?> { ["Name"] = "Cloud Witness", ["ResourceType"] = "Cloud Witness", ["AccountName"] = lab.Quorum.WitnessLocation },
            _ => null,
        };
        if (quorumResource is not null && lab.Quorum.WitnessState is { } witnessState)
        {
            quorumResource["State"] = witnessState;
        }

        return new()
        {
            ["Cluster"] = ClusterRecord(lab.Name, lab.Nodes.Select(n => n.State).ToList(), quorumResource is not null),
            ["Quorum"] = new Dictionary<string, object?> { ["QuorumType"] = lab.Quorum.Type == QuorumType.NoMajorityDiskOnly ? "DiskOnly" : lab.Quorum.Type.ToString(), ["Resource"] = quorumResource },
            ["Nodes"] = NodeRecords(lab.Nodes.Select(n => (n.Name, n.State)).ToList(), quorumResource is not null),
            ["Groups"] = lab.Vms.Select(v => new
            {
                v.Name,
                State = v.GroupState.ToString(),
                v.OwnerNode,
                Priority = v.Priority switch { FailoverPriority.High => 3000, FailoverPriority.Medium => 2000, FailoverPriority.Low => 1000, _ => 0 },
                VmId = v.Id.ToString(),
                v.PreferredOwners,
            }),
            ["SharedVolumes"] = lab.Disks.Where(d => d.IsCsv).Select((d, i) => new
            {
                Name = d.Id,
                Size = d.SizeGb * 1024L * 1024 * 1024,
                VolumeGuid = d.VolumeGuid.ToString(),
                Path = $@"C:\ClusterStorage\Volume{i + 1}",
                HiddenFrom = lab.Reachable.Where(n => !n.Inventory!.VisibleDisks.Contains(d.Id)).Select(n => n.Name),
                Access = lab.Reachable.SelectMany(n => n.Inventory!.CsvAccess.Where(a => a.Csv == d.Id && a.Mode != CsvIoMode.Direct).Select(a => (n.Name, a)))
                    .ToDictionary(x => x.Name, x => new
                    {
                        StateInfo = x.a.Mode.ToString(),
                        FileSystemRedirectedIOReason = string.Join(", ", x.a.Reasons.Except(BlockRedirectReasons)),
                        BlockRedirectedIOReason = string.Join(", ", x.a.Reasons.Intersect(BlockRedirectReasons)),
                    }),
            }),
            ["Disks"] = lab.Disks.Where(d => !d.IsCsv).Select(d => new
            {
                Name = d.Id,
                DiskIdGuid = StableGuid(d.Id),
                VolumeGuid = d.VolumeGuid.ToString(),
                Path = "E:\\",
                SizeMb = d.SizeGb * 1024,
            }),
            ["MissingCommands"] = new[] { "Get-VMSwitchTeam" },
            ["Hosts"] = lab.Reachable.ToDictionary(n => n.Name, n => Host2012R2(n.Inventory!, lab)),
        };
    }

    private static Dictionary<string, object?> Host2012R2(NodeInventory node, ClusterSnapshot lab)
    {
        var index = lab.Nodes.ToList().FindIndex(n => n.Name == node.Name) + 11;
        var bios = node.Bios ?? "unknown 2010-01-01";
        var vms = node.HyperVVms.Select(h => (Hosted: h, Vm: lab.Vms.FirstOrDefault(v => v.Id == h.Id))).ToList();
        var hypervisor = node.Hardware.Virtualization && node.Hardware.Slat;
        var dns = node.ResolvableNodes.Concat(node.StaleDnsEntries).Distinct().ToDictionary(n => n, _ => new[] { ARecord("10.1.0.200") });
        return new()
        {
            ["TotalVisibleMemorySize"] = node.MemoryTotalMb * 1024,
            ["FreePhysicalMemory"] = node.MemoryFreeMb * 1024,
            ["OsVersion"] = "6.3.9600",
            ["Ubr"] = 19913,
            ["HypervisorPresent"] = hypervisor,
            ["Processor"] = node.Processor?.Name ?? "Intel(R) Xeon(R) CPU X5670",
            ["ProcessorManufacturer"] = node.Processor?.Manufacturer,
            ["UpdateRevision"] = UpdateRevision(node.Processor?.Microcode),
            ["FeatureSettingsOverride"] = node.Processor?.SpeculationControl.Override,
            ["FeatureSettingsOverrideMask"] = node.Processor?.SpeculationControl.Mask,
            // While the hypervisor runs these read False (the root partition is virtualised).
            ["VirtualizationFirmwareEnabled"] = !hypervisor && node.Hardware.Virtualization,
            ["SecondLevelAddressTranslationExtensions"] = !hypervisor && node.Hardware.Slat,
            ["DataExecutionPrevention_Available"] = node.Hardware.Dep,
            ["OSArchitecture"] = node.Hardware.X64 ? "64-bit" : "32-bit",
            ["Adapters"] = node.Nics.Select(n => new
            {
                n.Name,
                InterfaceDescription = "HP NC382i DP Multifunction Gigabit Server Adapter",
                Physical = true,
                ComponentID = @"PCI\VEN_14E4&DEV_1639",
                IPAddress = n.Subnet.Split('/')[0][..n.Subnet.Split('/')[0].LastIndexOf('.')] + "." + index.ToString(CultureInfo.InvariantCulture),
                PrefixLength = int.Parse(n.Subnet.Split('/')[1], CultureInfo.InvariantCulture),
            }),
            ["Teams"] = node.Nics.Any(n => n.Teamed) ? new[] { new { Name = "TEAM1", Members = node.Nics.Where(n => n.Teamed).Select(n => n.Name) } } : [],
            ["SwitchTeams"] = Array.Empty<object>(),
            ["Drivers"] = node.Drivers.Select(d => new
            {
                DeviceClass = d.DeviceClass switch { "NIC" => "NET", "HBA" => "SCSIADAPTER", _ => "SYSTEM" },
                DeviceName = d.Name,
                DriverVersion = d.Version,
                HardWareID = d.DeviceClass == "MPIO" ? @"ROOT\MPIO" : @"PCI\VEN_14E4&DEV_1639",
            }),
            ["Bios"] = new { SMBIOSBIOSVersion = bios.Split(' ')[0], ReleaseDate = bios.Split(' ').Last() },
            ["HotFixes"] = node.Hotfixes,
            ["VmmsVersion"] = node.IntegrationServices.ToString(),
            ["DnsAnswers"] = dns,
            ["DnsServerAnswers"] = dns,
            ["DnsServers"] = new[] { "10.1.0.10" },
            ["DnsCache"] = node.StaleDnsEntries.Select(e => new { Entry = e, Data = "10.9.9.9" }),
            ["DiskGuids"] = lab.Disks.Where(d => !d.IsCsv && node.VisibleDisks.Contains(d.Id)).Select(d => StableGuid(d.Id)),
            ["ConfigLinks"] = node.ConfigLinks.Select(g => g.ToString().ToUpperInvariant() + ".xml"),
            ["VMs"] = vms.Select(v => new
            {
                Id = v.Hosted.Id.ToString(),
                v.Hosted.Name,
                State = v.Hosted.State.ToString(),
                MemoryStartup = (v.Vm?.StartupMemoryMb ?? 1024) * 1024L * 1024,
                IntegrationServicesVersion = (v.Vm?.IntegrationServices ?? node.IntegrationServices).ToString(),
                IntegrationStatus = (string?)null,
                ConfigurationLocation = v.Vm is { ConfigVolume: var g } && g != Guid.Empty ? $@"\\?\Volume{{{g}}}\VMs\{v.Hosted.Name}" : $@"C:\ClusterStorage\Volume1\{v.Hosted.Name}",
                ConfigurationVersion = "5.0",
                ProcessorCompatibility = v.Vm?.ProcessorCompatibility ?? false,
                Adapters = (v.Vm?.Nics ?? []).Select(n => new { n.Name, IsLegacy = n.Legacy, IPAddresses = n.Addresses }),
            }),
            ["Processes"] = Processes(index, vms.Where(v => v.Hosted.State.HoldsMemory()).Select(v => v.Hosted.Id)),
        };
    }

    /// <summary>
    /// Get-Cluster's record: dynamic quorum on (the default from 2012) and the witness's live vote, as
    /// <see cref="DynamicVotes"/> settles it for these node states.
    /// </summary>
    internal static Dictionary<string, object?> ClusterRecord(string name, IReadOnlyList<NodeState> states, bool witness) => new()
    {
        ["Name"] = name,
        ["DynamicQuorum"] = 1,
        ["WitnessDynamicWeight"] = DynamicVotes.Assign(states.Select(s => (s, 1)).ToList(), witness).Witness,
    };

    /// <summary>Get-ClusterNode's records: every node configured with a vote (NodeWeight 1), its live vote from <see cref="DynamicVotes"/>.</summary>
    internal static IEnumerable<object> NodeRecords(IReadOnlyList<(string Name, NodeState State)> nodes, bool witness)
    {
        var votes = DynamicVotes.Assign(nodes.Select(n => (n.State, 1)).ToList(), witness).Nodes;
        return nodes.Select((n, i) => (object)new { n.Name, State = n.State.ToString(), NodeWeight = 1, DynamicWeight = votes[i] });
    }

    internal static object ARecord(string address) => new { Type = "A", Name = "host", IPAddress = address };

    internal static object[] Processes(int index, IEnumerable<Guid> running) =>
        [
            new { Name = "clussvc.exe", ProcessId = 1000 + index, CommandLine = @"C:\Windows\Cluster\clussvc.exe -s" },
            .. running.Select((id, i) => new
            {
                Name = "vmwp.exe",
                ProcessId = 5000 + (index * 100) + i,
                CommandLine = $@"""C:\Windows\system32\vmwp.exe"" {id.ToString().ToUpperInvariant()}",
            }),
        ];

    /// <summary>A GUID that is always the same for the same seed, so recorded ids are stable across runs.</summary>
    internal static string StableGuid(string seed) => new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(seed))).ToString();
}
