using System.Globalization;
using System.Text.Json;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.PowerShell;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>
/// A recording of the default lab in the shape the real cmdlets return, written to a temporary file
/// for the fake FailoverClusters, Hyper-V and Windows modules; plus a runner whose pwsh loads them.
/// </summary>
internal sealed class FakeCluster : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatops-fake-").FullName;

    public FakeCluster(IReadOnlyDictionary<string, string>? faults = null)
    {
        Lab = LabClusters.LoadDefault().Snapshot();
        File.WriteAllText(FixturePath, JsonSerializer.Serialize(Record(Lab, faults ?? new Dictionary<string, string>())));
    }

    public ClusterSnapshot Lab { get; }

    public string FixturePath => Path.Combine(_folder, "cluster.json");

    /// <summary>Every Terminate and cache flush the fakes were asked for.</summary>
    public string LogPath => Path.Combine(_folder, "calls.log");

    public string[] Calls => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    public PowerShellOptions Options(string? scriptsPath = null) => new()
    {
        Executable = Pwsh.Path ?? "pwsh",
        ScriptsPath = scriptsPath ?? Pwsh.ScriptsFolder,
        ConfigurationName = string.Empty,
        ClusterName = Lab.Name,
    };

    public PowerShellRunner Runner(PowerShellOptions? options = null) => new(
        options ?? Options(),
        NullLogger<PowerShellRunner>.Instance,
        new Dictionary<string, string>
        {
            ["PSModulePath"] = Path.Combine(Pwsh.FakesFolder, "Modules"),
            ["CHATOPS_FAKE_CLUSTER"] = FixturePath,
            ["CHATOPS_FAKE_LOG"] = LogPath,
        });

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, object?> Record(ClusterSnapshot lab, IReadOnlyDictionary<string, string> faults)
    {
        var quorumResource = lab.Quorum.Witness switch
        {
            WitnessKind.FileShare => new Dictionary<string, object?> { ["Name"] = "File Share Witness", ["ResourceType"] = "File Share Witness", ["SharePath"] = lab.Quorum.WitnessLocation },
            WitnessKind.Disk => new Dictionary<string, object?> { ["Name"] = lab.Quorum.WitnessLocation, ["ResourceType"] = "Physical Disk" },
            _ => null,
        };
        return new()
        {
            ["Cluster"] = new { lab.Name },
            ["Quorum"] = new Dictionary<string, object?> { ["QuorumType"] = lab.Quorum.Type == QuorumType.NoMajorityDiskOnly ? "DiskOnly" : lab.Quorum.Type.ToString(), ["Resource"] = quorumResource },
            ["Nodes"] = lab.Nodes.Select(n => new { n.Name, State = n.State.ToString() }),
            ["Groups"] = lab.Vms.Select(v => new
            {
                v.Name,
                State = v.GroupState.ToString(),
                v.OwnerNode,
                Priority = v.Priority switch { FailoverPriority.High => 3000, FailoverPriority.Medium => 2000, FailoverPriority.Low => 1000, _ => 0 },
                VmId = v.Id.ToString(),
                v.PreferredOwners,
            }),
            ["SharedVolumes"] = lab.Disks.Where(d => d.IsCsv).Select(d => new
            {
                Name = d.Id,
                Size = d.SizeGb * 1024L * 1024 * 1024,
                VolumeGuid = d.VolumeGuid.ToString(),
                HiddenFrom = lab.Reachable.Where(n => !n.Inventory!.VisibleDisks.Contains(d.Id)).Select(n => n.Name),
            }),
            ["Disks"] = lab.Disks.Where(d => !d.IsCsv).Select(d => new { Name = d.Id }),
            ["Hosts"] = lab.Reachable.ToDictionary(n => n.Name, n => Host(n.Inventory!, lab)),
            ["Faults"] = faults,
        };
    }

    private static Dictionary<string, object?> Host(NodeInventory node, ClusterSnapshot lab)
    {
        var index = lab.Nodes.ToList().FindIndex(n => n.Name == node.Name) + 11;
        var bios = node.Bios ?? "unknown 2010-01-01";
        var vms = node.HyperVVms.Select(h => (Hosted: h, Vm: lab.Vms.FirstOrDefault(v => v.Id == h.Id))).ToList();
        return new()
        {
            ["TotalVisibleMemorySize"] = node.MemoryTotalMb * 1024,
            ["FreePhysicalMemory"] = node.MemoryFreeMb * 1024,
            ["VirtualizationFirmwareEnabled"] = node.Hardware.Virtualization,
            ["SecondLevelAddressTranslationExtensions"] = node.Hardware.Slat,
            ["DataExecutionPrevention_Available"] = node.Hardware.Dep,
            ["OSArchitecture"] = node.Hardware.X64 ? "64-bit" : "32-bit",
            ["Adapters"] = node.Nics.Select(n => new
            {
                n.Name,
                InterfaceDescription = "HP NC382i DP Multifunction Gigabit Server Adapter",
                IPAddress = n.Subnet.Split('/')[0][..n.Subnet.Split('/')[0].LastIndexOf('.')] + "." + index.ToString(CultureInfo.InvariantCulture),
                PrefixLength = int.Parse(n.Subnet.Split('/')[1], CultureInfo.InvariantCulture),
            }),
            ["Teams"] = node.Nics.Any(n => n.Teamed) ? new[] { new { Name = "TEAM1", Members = node.Nics.Where(n => n.Teamed).Select(n => n.Name) } } : [],
            ["Drivers"] = node.Drivers.Select(d => new
            {
                DeviceClass = d.DeviceClass switch { "NIC" => "NET", "HBA" or "MPIO" => "SCSIADAPTER", _ => "SYSTEM" },
                DeviceName = d.Name,
                DriverVersion = d.Version,
            }),
            ["Bios"] = new { SMBIOSBIOSVersion = bios.Split(' ')[0], ReleaseDate = bios.Split(' ').Last() },
            ["HotFixes"] = node.Hotfixes,
            ["VmmsVersion"] = node.IntegrationServices.ToString(),
            ["DnsAnswers"] = node.ResolvableNodes.Concat(node.StaleDnsEntries).Distinct().ToDictionary(n => n, _ => new[] { "10.1.0.200" }),
            ["DnsCache"] = node.StaleDnsEntries.Select(e => new { Entry = e, Data = "10.9.9.9" }),
            ["VMs"] = vms.Select(v => new
            {
                Id = v.Hosted.Id.ToString(),
                v.Hosted.Name,
                State = v.Hosted.State.ToString(),
                MemoryStartup = (v.Vm?.StartupMemoryMb ?? 1024) * 1024L * 1024,
                IntegrationServicesVersion = (v.Vm?.IntegrationServices ?? node.IntegrationServices).ToString(),
                ConfigurationLocation = v.Vm is { ConfigVolume: var g } && g != Guid.Empty ? $@"\\?\Volume{{{g}}}\VMs\{v.Hosted.Name}" : $@"C:\ClusterStorage\Volume1\{v.Hosted.Name}",
                Adapters = (v.Vm?.Nics ?? []).Select(n => new { n.Name, IsLegacy = n.Legacy, IPAddresses = n.Addresses }),
            }),
            ["Processes"] = new[] { new { Name = "clussvc.exe", ProcessId = 1000 + index, CommandLine = @"C:\Windows\Cluster\clussvc.exe -s" } }
                .Concat(vms.Where(v => v.Hosted.State.HoldsMemory()).Select((v, i) => new
                {
                    Name = "vmwp.exe",
                    ProcessId = 5000 + (index * 100) + i,
                    CommandLine = $@"""C:\Windows\system32\vmwp.exe"" {v.Hosted.Id.ToString().ToUpperInvariant()}",
                })),
        };
    }
}
