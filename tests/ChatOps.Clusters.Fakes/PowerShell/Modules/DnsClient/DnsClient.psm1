# Test fake of the Windows module DnsClient. See CimCmdlets.psm1 for the documentation each shape follows.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

function Resolve-DnsName {
    # Asked without -Server the fake answers like the client's cache; with -Server, like the DNS server.
    [CmdletBinding()] param([string] $Name, [string] $Type, [switch] $DnsOnly, [string[]] $Server, [switch] $QuickTimeout)
    $hostData = Get-FakeHost
    $answers = if ($Server) { $hostData.DnsServerAnswers } else { $hostData.DnsAnswers }
    if (-not $answers.ContainsKey($Name)) { Write-Error -Message "${Name} : DNS name does not exist" -Category ResourceUnavailable; return }
    foreach ($record in $answers[$Name]) {
        if ($record.Type -eq 'CNAME') { [pscustomobject]@{ Name = $Name; Type = 'CNAME'; TTL = 3600; Section = 'Answer'; NameHost = $record.NameHost } }
        else { [pscustomobject]@{ Name = $record.Name; Type = 'A'; TTL = 1200; Section = 'Answer'; IPAddress = $record.IPAddress } }
    }
}

function Get-DnsClientCache {
    [CmdletBinding()] param([string] $Type)
    foreach ($entry in @((Get-FakeHost).DnsCache)) { [pscustomobject]@{ Entry = $entry.Entry; Name = $entry.Entry; Type = 1; Data = $entry.Data } }
}

function Get-DnsClientServerAddress {
    [CmdletBinding()] param([string] $AddressFamily)
    [pscustomobject]@{ InterfaceAlias = 'vEthernet (Management)'; AddressFamily = 2; ServerAddresses = [string[]]@((Get-FakeHost).DnsServers) }
}

function Clear-DnsClientCache {
    [CmdletBinding()] param()
    $null = Get-FakeHost
    Write-FakeLog "Clear-DnsClientCache on $(Get-FakeNodeName)"
}

Export-ModuleMember -Function @(@('Resolve-DnsName', 'Get-DnsClientCache', 'Get-DnsClientServerAddress', 'Clear-DnsClientCache') | Where-Object { Test-FakeCommand $_ })
