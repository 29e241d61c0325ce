using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks.Parity;

/// <summary>Components × nodes for the nodes that answered: the majority value per row and the outliers.</summary>
public static class ParityMatrix
{
    /// <summary>Rows for drivers, firmware, hotfixes, OS build, processor, host integration services and ASR, in that order.</summary>
    public static IReadOnlyList<ParityRow> Build(ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // Each row compares the nodes whose part was read: a node that could not list its drivers is
        // neither an outlier nor "missing" a hotfix.
        var nodes = snapshot.Reachable.Select(n => n.Inventory!).ToList();
        var drivers = nodes.Where(n => n.Knows(InventoryPart.Drivers)).ToList();
        var firmware = nodes.Where(n => n.Knows(InventoryPart.Firmware)).ToList();
        var hotfixes = nodes.Where(n => n.Knows(InventoryPart.Hotfixes)).ToList();
        var rows = new List<ParityRow>();
        foreach (var deviceClass in Keys(drivers.SelectMany(n => n.Drivers.Select(d => d.DeviceClass))))
        {
            rows.Add(Row(ParityCategories.Driver, deviceClass, drivers, n =>
                Drivers(n, deviceClass)));
        }

        foreach (var component in Keys(firmware.SelectMany(n => n.Firmware.Select(f => f.Component))))
        {
            rows.Add(Row(ParityCategories.Firmware, component, firmware, n =>
                n.Firmware.FirstOrDefault(f => f.Component.Equals(component, StringComparison.OrdinalIgnoreCase))?.Version));
        }

        foreach (var hotfix in Keys(hotfixes.SelectMany(n => n.Hotfixes)))
        {
            rows.Add(Row(ParityCategories.Hotfix, hotfix, hotfixes, n =>
                n.Hotfixes.Contains(hotfix, StringComparer.OrdinalIgnoreCase) ? "installed" : "missing"));
        }

        // The update revision is compared among nodes of one Windows version; different versions are a
        // rolling upgrade (mixed-versions), not a patch level.
        foreach (var version in nodes.Where(n => n.OsBuild is not null).GroupBy(n => $"Windows {n.WindowsVersion?.ToString() ?? n.OsBuild}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            rows.Add(Row(ParityCategories.OsBuild, version.Key, [.. version], n => n.OsBuild));
        }

        rows.AddRange(Processors(nodes));
        rows.Add(Row(ParityCategories.IntegrationServices, "offered to VMs", [.. nodes.Where(n => n.Knows(InventoryPart.IntegrationServices))], n => n.IntegrationServices.Major == 0 ? "through Windows Update" : n.IntegrationServices.ToString()));
        rows.Add(Row(ParityCategories.Asr, "Automatic Server Recovery", nodes, n => n.AsrEnabled switch { true => "enabled", false => "disabled", null => "unknown" }));
        return rows;
    }

    /// <summary>Every distinct device and driver version of one class on a node (two NIC models, or one port updated, both show).</summary>
    private static string? Drivers(NodeInventory node, string deviceClass)
    {
        var drivers = node.Drivers
            .Where(d => d.DeviceClass.Equals(deviceClass, StringComparison.OrdinalIgnoreCase))
            .Select(d => $"{d.Name} {d.Version}")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return drivers.Count == 0 ? null : string.Join("; ", drivers);
    }

    /// <summary>
    /// The processor's model, and among the nodes of the most common model its microcode, and the
    /// speculation-control settings (configuration, not what is in effect): none when no node reported them.
    /// </summary>
    private static IEnumerable<ParityRow> Processors(List<NodeInventory> nodes)
    {
        var known = nodes.Where(n => n.Processor is not null && n.Knows(InventoryPart.Processor)).ToList();
        if (known.Count == 0)
        {
            yield break;
        }

        var model = Row(ParityCategories.Processor, "model", known, n => n.Processor!.Name);
        yield return model;
        var sameModel = model.Majority is { } majority ? [.. known.Where(n => n.Processor!.Name == majority)] : known;
        yield return Row(ParityCategories.Processor, "microcode", sameModel, n => n.Processor!.Microcode);
        yield return Row(ParityCategories.Processor, "speculation control", known, n => n.Processor!.SpeculationControlText);
    }

    private static IEnumerable<string> Keys(IEnumerable<string> keys) =>
        keys.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);

    private static ParityRow Row(string category, string component, List<NodeInventory> nodes, Func<NodeInventory, string?> value)
    {
        var values = nodes.ToDictionary(n => n.Name, n => value(n) ?? ParityRow.None, StringComparer.OrdinalIgnoreCase);
        var counts = values.Values.GroupBy(v => v, StringComparer.Ordinal).Select(g => (Value: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
        string? majority = counts.Count switch
        {
            0 => null,
            1 => counts[0].Value,
            _ when counts[0].Count > counts[1].Count => counts[0].Value,
            _ => null,
        };
        var outliers = counts.Count <= 1 ? [] : values.Where(v => v.Value != majority).Select(v => v.Key).ToList();
        return new ParityRow(category, component, values, majority, outliers);
    }
}
