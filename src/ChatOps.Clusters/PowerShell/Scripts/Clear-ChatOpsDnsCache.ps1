<#
.SYNOPSIS
    Safe action: clears this node's DNS client cache (ipconfig /flushdns).
.DESCRIPTION
    Writes one JSON document to stdout; on failure one JSON error to stderr and exit code 2.
#>
[CmdletBinding()]
param(
    # This node's name as the cluster lists it (labels the output).
    [Parameter(Mandatory)]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
    [string] $NodeName
)

. (Join-Path $PSScriptRoot 'ChatOps.Common.ps1')

try {
    $before = @(Get-DnsClientCache -ErrorAction SilentlyContinue).Count
    Clear-DnsClientCache
    Write-ChatOpsResult ([ordered]@{ status = 'Succeeded'; summary = "Cleared the DNS client cache on $NodeName ($before entries)."; entries = $before })
}
catch {
    Exit-ChatOpsFailure -Record $_
}
