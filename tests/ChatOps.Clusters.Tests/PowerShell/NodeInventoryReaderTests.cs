using System.Text.Json;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.PowerShell;

namespace ChatOps.Clusters.Tests.PowerShell;

public sealed class NodeInventoryReaderTests
{
    private const string OlderModule = """
        {"name":"HV01","osBuild":"6.2.9200","memoryTotalMb":65536,"memoryFreeMb":32768,"asrEnabled":null,
         "hardware":{"virtualization":true,"dep":true,"x64":true,"slat":true},
         "nics":[],"drivers":[],"firmware":[],"hotfixes":[],"integrationServices":null,"configLinks":[],
         "visibleDisks":null,"resolvableNodes":[],"staleDnsEntries":[],"vms":[]}
        """;

    [Fact]
    public void Read_VisibleDisksNull_DisksUnknownNeverNone()
    {
        // An older module (or a node without Get-ClusterSharedVolumeState) writes null: it cannot tell.
        using var document = JsonDocument.Parse(OlderModule);

        var inventory = NodeInventoryReader.Read(document.RootElement, "HV01").Inventory;

        Assert.False(inventory.Knows(InventoryPart.Disks));
        Assert.True(inventory.Knows(InventoryPart.HyperV));
    }

    [Fact]
    public void Read_PartWrittenAsError_ThatPartUnknownWithItsMessageOthersRead()
    {
        var json = OlderModule.Replace("\"visibleDisks\":null", "\"visibleDisks\":[]", StringComparison.Ordinal)
            .Replace("\"hotfixes\":[]", "\"hotfixes\":{\"error\":{\"kind\":\"AccessDenied\",\"message\":\"denied\"}}", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);

        var inventory = NodeInventoryReader.Read(document.RootElement, "HV01").Inventory;

        Assert.Equal(new NodeFailure(NodeFailureKind.AccessDenied, "denied"), inventory.Unread[InventoryPart.Hotfixes]);
        Assert.True(inventory.Knows(InventoryPart.Disks));
    }
}
