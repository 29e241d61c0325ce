using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.PowerShell;

/// <summary>Reads <c>Get-ChatOpsNodeInventory</c>'s document.</summary>
internal static class NodeInventoryReader
{
    public static NodeReport Read(JsonElement root, string node)
    {
        var hardware = JsonRead.Property(root, "hardware");
        var unread = new Dictionary<InventoryPart, NodeFailure>();
        var vmElements = Part(root, "vms", InventoryPart.HyperV, unread, e => JsonRead.Array(e, "vms").ToList(), []);
        var vms = vmElements.Select(v => ReadVm(v, unread)).ToList();
        var inventory = new NodeInventory
        {
            Name = node,
            MemoryTotalMb = JsonRead.Long(root, "memoryTotalMb"),
            MemoryFreeMb = JsonRead.Long(root, "memoryFreeMb"),
            Hardware = new HardwareFeatures(
                JsonRead.Bool(hardware, "virtualization"), JsonRead.Bool(hardware, "dep"), JsonRead.Bool(hardware, "x64"), JsonRead.Bool(hardware, "slat")),
            Nics = Part(root, "nics", InventoryPart.Nics, unread, e => JsonRead.Array(e, "nics").Select(ReadNic).ToList(), []),
            Drivers = Part(root, "drivers", InventoryPart.Drivers, unread, e => JsonRead.Array(e, "drivers")
                .Select(d => new DriverInfo(JsonRead.String(d, "deviceClass"), JsonRead.String(d, "name"), JsonRead.String(d, "version"))).ToList(), []),
            Firmware = Part(root, "firmware", InventoryPart.Firmware, unread, e => JsonRead.Array(e, "firmware")
                .Select(f => new FirmwareInfo(JsonRead.String(f, "component"), JsonRead.String(f, "version"))).ToList(), []),
            Processor = root.TryGetProperty("processor", out _)
                ? Part(root, "processor", InventoryPart.Processor, unread, e => ReadProcessor(JsonRead.Property(e, "processor")), null)
                : null,
            Hotfixes = Part(root, "hotfixes", InventoryPart.Hotfixes, unread, e => JsonRead.Strings(e, "hotfixes"), []),
            AsrEnabled = JsonRead.OptionalBool(root, "asrEnabled"),
            OsBuild = JsonRead.OptionalString(root, "osBuild"),
            IntegrationServices = Part(root, "integrationServices", InventoryPart.IntegrationServices, unread,
                e => JsonRead.Version(JsonRead.OptionalString(e, "integrationServices")), new Version(0, 0)),
            ConfigLinks = Part(root, "configLinks", InventoryPart.ConfigLinks, unread,
                e => JsonRead.Strings(e, "configLinks").Select(JsonRead.Guid).Where(g => g != Guid.Empty).ToList(), []),
            VisibleDisks = Part(root, "visibleDisks", InventoryPart.Disks, unread, e => JsonRead.Strings(e, "visibleDisks"), []),
            CsvAccess = root.TryGetProperty("csvAccess", out _)
                ? Part(root, "csvAccess", InventoryPart.Disks, unread, e => JsonRead.Array(e, "csvAccess").Select(ReadCsvAccess).ToList(), [])
                : [],
            ResolvableNodes = Part(root, "resolvableNodes", InventoryPart.Dns, unread, e => JsonRead.Strings(e, "resolvableNodes"), []),
            StaleDnsEntries = Part(root, "staleDnsEntries", InventoryPart.Dns, unread, e => JsonRead.Strings(e, "staleDnsEntries"), []),
            HyperVVms = vmElements.Select(v => new HostedVm(
                JsonRead.Guid(JsonRead.String(v, "id")), JsonRead.String(v, "name"), StateNames.HyperV(JsonRead.String(v, "state")))).ToList(),
            Unread = unread,
        };
        if (JsonRead.Property(root, "visibleDisks").ValueKind == JsonValueKind.Null)
        {
            // An older module writes null where it cannot tell: unknown, never "sees none".
            unread.TryAdd(InventoryPart.Disks, new NodeFailure(NodeFailureKind.Error, "this node did not report which disks it sees"));
        }

        return new NodeReport(inventory, vms);
    }

    /// <summary>
    /// One part of the document: its value read by <paramref name="read"/>, or, when the node wrote
    /// <c>{"error":{"kind":...,"message":...}}</c> in its place, <paramref name="unknown"/> with the
    /// failure recorded under <paramref name="part"/>.
    /// </summary>
    private static T Part<T>(JsonElement root, string name, InventoryPart part, Dictionary<InventoryPart, NodeFailure> unread, Func<JsonElement, T> read, T unknown)
    {
        if (PartFailure(JsonRead.Property(root, name)) is not { } failure)
        {
            return read(root);
        }

        unread.TryAdd(part, failure);
        return unknown;
    }

    /// <summary>The failure a part carries in place of its value, or null when the value is there.</summary>
    internal static NodeFailure? PartFailure(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("error", out var error))
        {
            return null;
        }

        var kind = JsonRead.OptionalString(error, "kind") switch
        {
            "AccessDenied" => NodeFailureKind.AccessDenied,
            "Unreachable" => NodeFailureKind.Unreachable,
            _ => NodeFailureKind.Error,
        };
        return new NodeFailure(kind, PowerShellErrors.Excerpt(JsonRead.OptionalString(error, "message") ?? "no reason given"));
    }

    private static ProcessorInfo ReadProcessor(JsonElement processor) => new(
        JsonRead.OptionalString(processor, "manufacturer") ?? string.Empty, JsonRead.OptionalString(processor, "name") ?? string.Empty)
    {
        Microcode = JsonRead.OptionalString(processor, "microcode"),
        SpeculationControl = (JsonRead.OptionalInt(processor, "featureSettingsOverride"), JsonRead.OptionalInt(processor, "featureSettingsOverrideMask")),
    };

    /// <summary>One CSV's state on this node; a state this reader does not know is read as unavailable, never as direct.</summary>
    private static CsvAccess ReadCsvAccess(JsonElement access) => new(
        JsonRead.String(access, "csv"),
        Enum.TryParse<CsvIoMode>(JsonRead.OptionalString(access, "mode"), ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : CsvIoMode.Unavailable,
        JsonRead.Strings(access, "reasons"));

    private static HostNic ReadNic(JsonElement nic)
    {
        var name = JsonRead.String(nic, "name");
        var description = JsonRead.OptionalString(nic, "description") ?? string.Empty;
        var subnet = Subnet(JsonRead.OptionalString(nic, "address"), (int)JsonRead.Long(nic, "prefixLength"));
        return new HostNic(name, StateNames.NicRole(name, description), subnet, JsonRead.Bool(nic, "teamed"));
    }

    private static HostedVmDetails ReadVm(JsonElement vm, Dictionary<InventoryPart, NodeFailure> unread) => new(
        JsonRead.Guid(JsonRead.String(vm, "id")),
        JsonRead.Long(vm, "startupMemoryMb"),
        JsonRead.Version(JsonRead.String(vm, "integrationServices")),
        vm.TryGetProperty("integrationServicesOutdated", out _)
            ? Part(vm, "integrationServicesOutdated", InventoryPart.IntegrationServices, unread, e => JsonRead.OptionalBool(e, "integrationServicesOutdated"), null)
            : null,
        JsonRead.OptionalString(vm, "configurationLocation") ?? string.Empty,
        vm.TryGetProperty("processorCompatibility", out _) ? JsonRead.OptionalBool(vm, "processorCompatibility") : null,
        Part(vm, "nics", InventoryPart.VmNics, unread, e => JsonRead.Array(e, "nics")
            .Select(n => new VmNic(JsonRead.String(n, "name"), JsonRead.Bool(n, "legacy"), JsonRead.Strings(n, "addresses"))).ToList(), []));

    /// <summary>The network an IPv4 address is in, in CIDR form; empty when the NIC has no address.</summary>
    internal static string Subnet(string? address, int prefixLength)
    {
        if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork || prefixLength is < 0 or > 32)
        {
            return string.Empty;
        }

        var bytes = ip.GetAddressBytes();
        var value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        var mask = prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);
        var network = value & mask;
        return $"{network >> 24}.{(network >> 16) & 255}.{(network >> 8) & 255}.{network & 255}/{prefixLength}";
    }
}
