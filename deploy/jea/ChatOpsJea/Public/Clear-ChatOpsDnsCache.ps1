function Clear-ChatOpsDnsCache {
    <# .SYNOPSIS Safe action: clears this node's DNS client cache (what ipconfig /flushdns does). #>
    [CmdletBinding()]
    param(
        # This node's name as the cluster lists it (labels the output).
        [Parameter(Mandatory)]
        [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
        [string] $NodeName,

        # The bot's deadline for this action, UTC: past it by this node's clock, nothing is changed.
        [Parameter(Mandatory)]
        [ValidatePattern('^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$')]
        [string] $NotAfter
    )

    try {
        Import-ChatOpsModule DnsClient
        $before = @(Get-DnsClientCache).Count
        if (Test-ChatOpsDeadlinePassed $NotAfter) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "The deadline for this action ($NotAfter) passed before it reached $NodeName; nothing was cleared."; entries = 0 })
            return
        }
        Clear-DnsClientCache
        Write-ChatOpsResult ([ordered]@{ status = 'Succeeded'; summary = "Cleared the DNS client cache on $NodeName ($before entries)."; entries = $before })
    }
    catch {
        Exit-ChatOpsFailure -Record $_
    }
}
