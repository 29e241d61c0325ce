using System.Globalization;
using ChatOps.Clusters.Lab.Definition;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab;

/// <summary>Builds big, healthy, deterministic labs for benchmarks: two sites, uniform inventory.</summary>
internal static class LabGenerator
{
    private static readonly long[] Memories = [2048, 4096, 4096, 8192, 8192];

    public static LabDefinition Define(LabGeneratorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Nodes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Vms);
        var random = new Random(options.Seed);
        var definition = new LabDefinition
        {
            Name = "GEN" + options.Nodes.ToString(CultureInfo.InvariantCulture),
            Seed = options.Seed,
            Sites = [Site("SITE-A", 10), Site("SITE-B", 20)],
            Quorum = new LabQuorumSpec { Type = QuorumType.NodeAndFileShareMajority, Witness = WitnessKind.FileShare, Location = @"\\witness.example\q", Site = "SITE-W" },
            NodeDefaults = new LabNodeSpec
            {
                MemoryMb = 262144,
                Drivers = [new() { Class = "MPIO", Name = "HP MPIO DSM", Version = "4.01.00" }, new() { Class = "NIC", Name = "HP NC382i", Version = "5.2.22.0" }, new() { Class = "HBA", Name = "QLogic FC", Version = "9.1.8.28" }],
                Firmware = [new() { Component = "BIOS", Version = "I24 2010-07-16" }, new() { Component = "HBA", Version = "5.02a1" }, new() { Component = "NIC", Version = "5.2.7" }],
                Hotfixes = ["KB970529", "KB974909", "KB975530", "KB2000977"],
            },
            Disks = [new LabDiskSpec { Id = "CSV1", SizeGb = 8192, VolumeGuid = LabIds.Derive($"{options.Seed}/csv1"), Csv = true }],
            VmDefaults = new LabVmSpec { Disk = "CSV1" },
        };
        for (var n = 0; n < options.Nodes; n++)
        {
            definition.Nodes.Add(new LabNodeSpec { Name = NodeName(n), Site = n % 2 == 0 ? "SITE-A" : "SITE-B" });
        }

        for (var v = 0; v < options.Vms; v++)
        {
            var owner = v % options.Nodes;
            definition.Vms.Add(new LabVmSpec
            {
                Name = "VM-" + v.ToString("D5", CultureInfo.InvariantCulture),
                Owner = NodeName(owner),
                MemoryMb = Memories[random.Next(Memories.Length)],
                Priority = (FailoverPriority)random.Next(3),
                Addresses = [$"10.{(owner % 2 == 0 ? 10 : 20)}.{10 + (v / 250 % 200)}.{1 + (v % 250)}"],
            });
        }

        return definition;
    }

    public static void InjectFaults(ILabCluster lab, LabGeneratorOptions options)
    {
        var random = new Random(options.Seed + 7919);
        var hanging = (int)Math.Round(options.Nodes * Math.Clamp(options.HangingFraction, 0, 1));
        var hangs = Enumerable.Range(0, options.Nodes).OrderBy(_ => random.Next()).Take(hanging).ToHashSet();
        for (var i = 0; i < options.Nodes; i++)
        {
            var hang = hangs.Contains(i);
            if (hang || options.ProbeLatency > TimeSpan.Zero)
            {
                lab.InjectFault(NodeName(i), new LabFault(Latency: options.ProbeLatency, Hang: hang));
            }
        }
    }

    private static string NodeName(int n) => "GEN-N" + (n + 1).ToString("D4", CultureInfo.InvariantCulture);

    private static LabSiteSpec Site(string name, int octet) => new()
    {
        Name = name,
        Nics =
        [
            new() { Name = "MGMT", Role = NicRole.Management, Subnet = $"10.{octet}.0.0/24" },
            new() { Name = "HEARTBEAT", Role = NicRole.Cluster, Subnet = $"10.{octet}.1.0/24" },
            new() { Name = "LM", Role = NicRole.LiveMigration, Subnet = $"10.{octet}.2.0/24" },
            new() { Name = "ISCSI-A", Role = NicRole.Iscsi, Subnet = $"10.{octet}.3.0/24" },
            new() { Name = "ISCSI-B", Role = NicRole.Iscsi, Subnet = $"10.{octet}.4.0/24" },
            new() { Name = "VM-CLIENT", Role = NicRole.Client, Subnet = $"10.{octet}.10.0/24" },
        ],
    };
}
