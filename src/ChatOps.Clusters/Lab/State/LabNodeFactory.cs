using ChatOps.Clusters.Lab.Definition;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab.State;

/// <summary>Resolves a node spec against the node defaults and its site's NIC template.</summary>
internal static class LabNodeFactory
{
    public static LabNode Create(LabDefinition definition, LabNodeSpec spec, IReadOnlyList<string> allNodes, IReadOnlyList<string> allDisks)
    {
        var defaults = definition.NodeDefaults;
        var site = definition.Sites.FirstOrDefault(s => s.Name.Equals(spec.Site, StringComparison.OrdinalIgnoreCase))
            ?? throw new LabDefinitionException($"Node '{spec.Name}' is in site '{spec.Site}', which is not listed under sites.");
        var teamed = new HashSet<string>(spec.TeamNics ?? [], StringComparer.OrdinalIgnoreCase);
        var subnets = spec.NicSubnets ?? [];
        var missing = new HashSet<string>(spec.MissingHotfixes ?? [], StringComparer.OrdinalIgnoreCase);
        var hidden = new HashSet<string>(spec.HiddenDisks ?? [], StringComparer.OrdinalIgnoreCase);
        var unresolved = new HashSet<string>(spec.CannotResolve ?? [], StringComparer.OrdinalIgnoreCase);
        return new LabNode
        {
            Name = spec.Name,
            Site = site.Name,
            State = spec.Fault?.ClusterServiceStopped == true ? NodeState.Down : spec.State ?? defaults.State ?? NodeState.Up,
            Status = spec.Status,
            Drain = spec.Drain,
            NodeWeight = spec.Vote is 0 ? 0 : 1,
            ClusterServiceStopped = spec.Fault?.ClusterServiceStopped ?? false,
            VmmsStopped = spec.Fault?.VmmsStopped ?? false,
            MemoryTotalMb = spec.MemoryMb ?? defaults.MemoryMb ?? 65536,
            Hardware = new HardwareFeatures(
                spec.Hardware?.Vt ?? defaults.Hardware?.Vt ?? true,
                spec.Hardware?.Dep ?? defaults.Hardware?.Dep ?? true,
                spec.Hardware?.X64 ?? defaults.Hardware?.X64 ?? true,
                spec.Hardware?.Slat ?? defaults.Hardware?.Slat ?? true),
            Processor = ProcessorOf(defaults.Processor, spec.Processor),
            OsBuild = spec.OsBuild ?? defaults.OsBuild,
            Nics = site.Nics.Select(n => new HostNic(n.Name, n.Role, subnets.GetValueOrDefault(n.Name, n.Subnet), teamed.Contains(n.Name))).ToList(),
            Drivers = Merge(defaults.Drivers, spec.Drivers, d => d.Class)
                .Select(d => new DriverInfo(d.Class, d.Name ?? Default(defaults.Drivers, d.Class)?.Name ?? d.Class, d.Version)).ToList(),
            Firmware = Merge(defaults.Firmware, spec.Firmware, f => f.Component).Select(f => new FirmwareInfo(f.Component, f.Version)).ToList(),
            Hotfixes = (spec.Hotfixes ?? defaults.Hotfixes ?? []).Where(h => !missing.Contains(h)).ToList(),
            AsrEnabled = spec.Asr ?? defaults.Asr ?? false,
            IntegrationServices = ParseVersion(spec.IntegrationServices ?? defaults.IntegrationServices ?? "6.1.7601.17514", spec.Name),
            VisibleDisks = allDisks.Where(d => !hidden.Contains(d)).ToList(),
            CsvAccess = CsvAccessOf(definition, spec, hidden),
            ResolvableNodes = allNodes.Where(n => !unresolved.Contains(n) && !n.Equals(spec.Name, StringComparison.OrdinalIgnoreCase)).ToList(),
            StaleDns = [.. spec.StaleDns ?? []],
            Fault = spec.Fault is { } f
                ? new LabFault(TimeSpan.FromMilliseconds(f.LatencyMs), f.Hang, f.Unreachable, f.Error, TimeSpan.FromMilliseconds(f.ActionLatencyMs))
                : null,
        };
    }

    private static ProcessorInfo? ProcessorOf(LabProcessorSpec? defaults, LabProcessorSpec? spec) =>
        defaults is null && spec is null
            ? null
            : new ProcessorInfo(spec?.Manufacturer ?? defaults?.Manufacturer ?? "GenuineIntel", spec?.Name ?? defaults?.Name ?? string.Empty)
            {
                Microcode = spec?.Microcode ?? defaults?.Microcode,
                SpeculationControl = (spec?.FeatureSettingsOverride ?? defaults?.FeatureSettingsOverride, spec?.FeatureSettingsOverrideMask ?? defaults?.FeatureSettingsOverrideMask),
            };

    /// <summary>Each CSV as the node reaches it: unavailable when hidden from it, as its spec says, or else direct.</summary>
    private static List<CsvAccess> CsvAccessOf(LabDefinition definition, LabNodeSpec spec, HashSet<string> hidden)
    {
        var csvs = definition.Disks.Where(d => d.Csv).Select(d => d.Id).ToList();
        foreach (var access in spec.CsvAccess ?? [])
        {
            if (!csvs.Contains(access.Csv, StringComparer.OrdinalIgnoreCase))
            {
                throw new LabDefinitionException($"Node '{spec.Name}' lists access to '{access.Csv}', which is not a CSV under disks.");
            }
        }

        return csvs.Select(csv => hidden.Contains(csv)
                ? new CsvAccess(csv, CsvIoMode.Unavailable, [])
                : spec.CsvAccess?.FirstOrDefault(a => a.Csv.Equals(csv, StringComparison.OrdinalIgnoreCase)) is { } a
                    ? new CsvAccess(csv, a.Mode, [.. a.Reasons ?? []])
                    : new CsvAccess(csv, CsvIoMode.Direct, []))
            .ToList();
    }

    public static Version ParseVersion(string text, string owner) =>
        Version.TryParse(text, out var v) ? v : throw new LabDefinitionException($"'{owner}': '{text}' is not a version like 6.1.7601.17514.");

    private static LabDriverSpec? Default(List<LabDriverSpec>? defaults, string deviceClass) =>
        defaults?.FirstOrDefault(d => d.Class.Equals(deviceClass, StringComparison.OrdinalIgnoreCase));

    private static List<T> Merge<T>(List<T>? defaults, List<T>? overrides, Func<T, string> key)
    {
        var result = new List<T>(defaults ?? []);
        foreach (var item in overrides ?? [])
        {
            var at = result.FindIndex(d => key(d).Equals(key(item), StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                result[at] = item;
            }
            else
            {
                result.Add(item);
            }
        }

        return result;
    }
}
