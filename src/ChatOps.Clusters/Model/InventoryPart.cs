namespace ChatOps.Clusters.Model;

/// <summary>A part of a node's inventory that is read on its own: when it fails, the others are still read.</summary>
public enum InventoryPart
{
    /// <summary>Host NICs and their addresses.</summary>
    Nics,

    /// <summary>Device drivers.</summary>
    Drivers,

    /// <summary>BIOS and other firmware.</summary>
    Firmware,

    /// <summary>Installed hotfixes.</summary>
    Hotfixes,

    /// <summary>Integration services: the host's version and each VM's status.</summary>
    IntegrationServices,

    /// <summary>VM config links under ProgramData.</summary>
    ConfigLinks,

    /// <summary>The clustered disks and CSVs this node sees (read through the cluster service).</summary>
    Disks,

    /// <summary>Name resolution of the peers and stale cache entries.</summary>
    Dns,

    /// <summary>The VMs registered in this node's Hyper-V (read through VMMS).</summary>
    HyperV,

    /// <summary>The VMs' network adapters.</summary>
    VmNics,

    /// <summary>The processor's microcode and speculation-control settings (read from the registry).</summary>
    Processor,
}
