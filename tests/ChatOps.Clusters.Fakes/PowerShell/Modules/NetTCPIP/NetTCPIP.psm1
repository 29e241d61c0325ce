# Test fake of the Windows module NetTCPIP. See CimCmdlets.psm1 for the documentation each shape follows.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

function Get-NetIPAddress {
    [CmdletBinding()] param([string] $AddressFamily)
    foreach ($adapter in (Get-FakeHost).Adapters) {
        if (-not $adapter.IPAddress) { continue }
        [pscustomobject]@{ InterfaceAlias = $adapter.Name; IPAddress = $adapter.IPAddress; PrefixLength = [byte]$adapter.PrefixLength; AddressFamily = 'IPv4' }
    }
}

Export-ModuleMember -Function @(@('Get-NetIPAddress') | Where-Object { Test-FakeCommand $_ })
