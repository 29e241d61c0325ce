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
        var vms = JsonRead.Array(root, "vms").ToList();
        var inventory = new NodeInventory
        {
            Name = node,
            MemoryTotalMb = JsonRead.Long(root, "memoryTotalMb"),
            MemoryFreeMb = JsonRead.Long(root, "memoryFreeMb"),
            Hardware = new HardwareFeatures(
                JsonRead.Bool(hardware, "virtualization"), JsonRead.Bool(hardware, "dep"), JsonRead.Bool(hardware, "x64"), JsonRead.Bool(hardware, "slat")),
            Nics = JsonRead.Array(root, "nics").Select(ReadNic).ToList(),
            Drivers = JsonRead.Array(root, "drivers")
                .Select(d => new DriverInfo(JsonRead.String(d, "deviceClass"), JsonRead.String(d, "name"), JsonRead.String(d, "version"))).ToList(),
            Firmware = JsonRead.Array(root, "firmware")
                .Select(f => new FirmwareInfo(JsonRead.String(f, "component"), JsonRead.String(f, "version"))).ToList(),
            Hotfixes = JsonRead.Strings(root, "hotfixes"),
            AsrEnabled = JsonRead.OptionalBool(root, "asrEnabled"),
            OsBuild = JsonRead.OptionalString(root, "osBuild"),
            IntegrationServices = JsonRead.Version(JsonRead.OptionalString(root, "integrationServices")),
            ConfigLinks = JsonRead.Strings(root, "configLinks").Select(JsonRead.Guid).Where(g => g != Guid.Empty).ToList(),
            VisibleDisks = JsonRead.Strings(root, "visibleDisks"),
            DiskVisibilityKnown = JsonRead.Property(root, "visibleDisks").ValueKind != JsonValueKind.Null,
            ResolvableNodes = JsonRead.Strings(root, "resolvableNodes"),
            StaleDnsEntries = JsonRead.Strings(root, "staleDnsEntries"),
            HyperVVms = vms.Select(v => new HostedVm(
                JsonRead.Guid(JsonRead.String(v, "id")), JsonRead.String(v, "name"), StateNames.HyperV(JsonRead.String(v, "state")))).ToList(),
        };
        return new NodeReport(inventory, vms.Select(ReadVm).ToList());
    }

    private static HostNic ReadNic(JsonElement nic)
    {
        var name = JsonRead.String(nic, "name");
        var description = JsonRead.OptionalString(nic, "description") ?? string.Empty;
        var subnet = Subnet(JsonRead.OptionalString(nic, "address"), (int)JsonRead.Long(nic, "prefixLength"));
        return new HostNic(name, StateNames.NicRole(name, description), subnet, JsonRead.Bool(nic, "teamed"));
    }

    private static HostedVmDetails ReadVm(JsonElement vm) => new(
        JsonRead.Guid(JsonRead.String(vm, "id")),
        JsonRead.Long(vm, "startupMemoryMb"),
        JsonRead.Version(JsonRead.String(vm, "integrationServices")),
        vm.TryGetProperty("integrationServicesOutdated", out _) ? JsonRead.OptionalBool(vm, "integrationServicesOutdated") : null,
        JsonRead.OptionalString(vm, "configurationLocation") ?? string.Empty,
        JsonRead.Array(vm, "nics").Select(n => new VmNic(JsonRead.String(n, "name"), JsonRead.Bool(n, "legacy"), JsonRead.Strings(n, "addresses"))).ToList());

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
