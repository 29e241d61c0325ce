function Get-ChatOpsClusterEvents {
    <#
    .SYNOPSIS Read-only: this node's failover-clustering and Hyper-V events of the last minutes, newest first.
    .DESCRIPTION
    Each source is read under its own guard, as the inventory reads its parts: one log that cannot be read
    becomes {"error":{...}} in its place and the others are read all the same. A query that matches no
    event is not an error: Get-WinEvent reports it as the error NoMatchingEventsFound, and it is read here
    as an empty list. An event is keyed by its log, provider and id (an id alone means different things
    under different providers); its message is cut to a bounded length.
    #>
    [CmdletBinding()]
    param(
        # How far back to read, in minutes (at most seven days).
        [Parameter(Mandatory)]
        [ValidateRange(1, 10080)]
        [int] $SinceMinutes,

        # At most this many events from each source, the newest.
        [ValidateRange(1, 500)]
        [int] $MaxEventsPerSource = 200
    )

    try {
        Import-ChatOpsModule Microsoft.PowerShell.Diagnostics
        $since = (Microsoft.PowerShell.Utility\Get-Date).AddMinutes(-$SinceMinutes)
        # Critical, Error and Warning only: the cluster writes Information events all day, and they would crowd the rest out of the bounded read.
        $sources = @(
            [ordered]@{ log = 'System'; provider = 'Microsoft-Windows-FailoverClustering' }
            [ordered]@{ log = 'Microsoft-Windows-Hyper-V-High-Availability-Admin'; provider = $null }
            [ordered]@{ log = 'Microsoft-Windows-Hyper-V-VMMS-Admin'; provider = $null }
        )
        $read = foreach ($source in $sources) {
            $filter = @{ LogName = $source.log; StartTime = $since; Level = 1, 2, 3 }
            if ($null -ne $source.provider) { $filter['ProviderName'] = $source.provider }
            $events = $null
            $capped = $false
            try {
                # One more than asked for: whether the log held more than the bound is said, not guessed.
                $events = @(Get-WinEvent -FilterHashtable $filter -MaxEvents ($MaxEventsPerSource + 1) -ErrorAction Stop | ForEach-Object {
                        $message = [string]$_.Message
                        if ($message.Length -gt 500) { $message = $message.Substring(0, 500) + '...' }
                        [ordered]@{
                            provider = [string]$_.ProviderName
                            id       = [int]$_.Id
                            level    = [int]$_.Level
                            time     = $_.TimeCreated.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
                            message  = $message
                        }
                    })
                if ($events.Count -gt $MaxEventsPerSource) {
                    $capped = $true
                    $events = @($events[0..($MaxEventsPerSource - 1)])
                }
            }
            catch {
                if ([string]$_.FullyQualifiedErrorId -like 'NoMatchingEventsFound*') {
                    $events = @()
                }
                else {
                    $events = New-ChatOpsPartError -Record $_
                }
            }

            [ordered]@{ log = $source.log; provider = $source.provider; capped = $capped; events = $events }
        }

        Write-ChatOpsResult ([ordered]@{ sinceMinutes = $SinceMinutes; sources = @($read) })
    }
    catch {
        Exit-ChatOpsFailure -Record $_
    }
}
