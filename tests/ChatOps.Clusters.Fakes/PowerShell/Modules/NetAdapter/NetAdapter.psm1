# Test fake of the Windows module NetAdapter. See CimCmdlets.psm1 for the documentation each shape follows.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

function Get-NetAdapter {
    # -Physical: the hardware adapters only (not vEthernet, team interfaces, WAN Miniports or NetFT).
    [CmdletBinding()] param([switch] $Physical)
    foreach ($adapter in (Get-FakeHost).Adapters) {
        if ($Physical -and -not $adapter.Physical) { continue }
        # ComponentID (MSFT_NetAdapter): the PnP id, vms_mp for a Hyper-V virtual adapter (KB 2872325),
        # COMPOSITEBUS\MS_IMPLAT_MP for an LBFO team interface; InterfaceDescription is localized.
        [pscustomobject]@{ Name = $adapter.Name; InterfaceDescription = $adapter.InterfaceDescription; ComponentID = $adapter.ComponentID; Status = 'Up'; ifIndex = 10; Virtual = -not $adapter.Physical }
    }
}

Export-ModuleMember -Function @(@('Get-NetAdapter') | Where-Object { Test-FakeCommand $_ })
