function Clear-ChatOpsDnsCache {
    <# .SYNOPSIS Safe action: clears this node's DNS client cache (what ipconfig /flushdns does). #>
    [CmdletBinding()]
    param(
        # This node's name as the cluster lists it (labels the output).
        [Parameter(Mandatory)]
        [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
        [string] $NodeName
    )

    try {
        Import-ChatOpsModule DnsClient
        $before = @(Get-DnsClientCache).Count
        Clear-DnsClientCache
        Write-ChatOpsResult ([ordered]@{ status = 'Succeeded'; summary = "Cleared the DNS client cache on $NodeName ($before entries)."; entries = $before })
    }
    catch {
        Exit-ChatOpsFailure -Record $_
    }
}
