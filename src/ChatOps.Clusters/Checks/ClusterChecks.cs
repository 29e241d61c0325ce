using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>The catalogue of checks and the runner that <c>diagnose</c>, <c>capacity</c> and the sweep use.</summary>
public static class ClusterChecks
{
    /// <summary>Every check, in report order.</summary>
    public static IReadOnlyList<IClusterCheck> All { get; } =
    [
        new NodeStateCheck(), new QuorumNodeLossCheck(), new QuorumWitnessCheck(), new WitnessHealthCheck(), new CapacityCheck(),
        new VmStateDesyncCheck(), new VmCriticalStateCheck(), new StaleConfigLinksCheck(), new VmConfigVolumeCheck(), new DiskVisibilityCheck(), new CsvAccessCheck(),
        new Kb970529Check(), new HotfixParityCheck(), new MixedVersionsCheck(), new DriverParityCheck(), new FirmwareParityCheck(), new ProcessorParityCheck(), new AsrCheck(),
        new IntegrationServicesLagCheck(), new ApipaDuplicateIpCheck(), new LegacyNicCheck(),
        new HardwarePrerequisitesCheck(), new StorageNetworkCheck(), new ClusterNetworksCheck(), new DnsResolutionCheck(),
        new DiskStateCheck(), new UnreadPartsCheck(),
    ];

    /// <summary>The parity subset of the scheduled sweep: drivers, firmware (BIOS included), hotfixes, KB970529, processor (microcode, speculation control), ASR.</summary>
    public static IReadOnlyList<IClusterCheck> Parity { get; } =
        [.. All.Where(c => c.Id is CheckIds.DriverParity or CheckIds.FirmwareParity or CheckIds.HotfixParity or CheckIds.Kb970529Missing or CheckIds.ProcessorParity or CheckIds.AsrEnabled)];

    /// <summary>The check with this id, or null.</summary>
    public static IClusterCheck? Find(string id) => All.FirstOrDefault(c => c.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs every check.</summary>
    public static CheckReport RunAll(ClusterSnapshot snapshot) => Run(snapshot, All);

    /// <summary>Runs the parity subset.</summary>
    public static CheckReport RunParity(ClusterSnapshot snapshot) => Run(snapshot, Parity);

    /// <summary>Runs the given checks; findings most severe first.</summary>
    public static CheckReport Run(ClusterSnapshot snapshot, IEnumerable<IClusterCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(checks);
        var list = checks.ToList();
        if (snapshot.ViewFailure is { } failure)
        {
            // Every node state would be invented: say that the cluster cannot be read, and nothing else.
            Finding unreadable = new(CheckIds.ClusterUnreadable, Severity.High, snapshot.Name,
                $"I cannot read cluster {snapshot.Name}: {failure.Message} No quorum, capacity or node-state conclusion was drawn; the nodes' states are unknown, not Down.",
                KbIds.HostIsolation);
            return new CheckReport([unreadable], list.Select(c => c.Id).ToList(), snapshot.Unreachable.ToList());
        }

        var findings = list.SelectMany(c => c.Run(snapshot))
            .OrderBy(f => f.Severity)
            .ThenBy(f => f.CheckId, StringComparer.Ordinal)
            .ThenBy(f => f.Subject, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new CheckReport(findings, list.Select(c => c.Id).ToList(), snapshot.Unreachable.ToList());
    }
}
