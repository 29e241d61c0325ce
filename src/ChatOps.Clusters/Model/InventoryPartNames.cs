namespace ChatOps.Clusters.Model;

/// <summary>Inventory parts as an operator names them in a sentence.</summary>
public static class InventoryPartNames
{
    /// <summary>The part in words, e.g. "its Hyper-V VMs".</summary>
    public static string Describe(this InventoryPart part) => part switch
    {
        InventoryPart.Nics => "its NICs",
        InventoryPart.Drivers => "its drivers",
        InventoryPart.Firmware => "its firmware",
        InventoryPart.Hotfixes => "its hotfixes",
        InventoryPart.IntegrationServices => "integration services",
        InventoryPart.ConfigLinks => "its VM config links",
        InventoryPart.Disks => "the disks it sees",
        InventoryPart.Dns => "DNS",
        InventoryPart.HyperV => "its Hyper-V VMs",
        InventoryPart.VmNics => "the VMs' network adapters",
        InventoryPart.Processor => "its processor's microcode and speculation settings",
        _ => part.ToString(),
    };
}
