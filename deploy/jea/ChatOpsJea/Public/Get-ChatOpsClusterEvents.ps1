function Get-ChatOpsClusterEvents {
    <#
    .SYNOPSIS Read-only: this node's failover-clustering and Hyper-V events of the last minutes, newest first.
    .DESCRIPTION
    Each log is read under its own guard, as the inventory reads its parts: a log that cannot be read
    (missing on this node, or denied) becomes {"error":{...}} in its place and the others are read all
    the same. Get-WinEvent reports a query that matches nothing as the error NoMatchingEventsFound: that
    is read as no events. A record it cannot read or format (a non-terminating error of its own) does not
    cost the log's other events. Critical and error events are bounded apart from warnings, so a storm of
    warnings cannot push a node-removed or role-failed event out of the read; a bound that was reached is
    said (capped), never hidden. An event is keyed by its log, provider and id; its message is cut to a
    bounded length, and past a bound on the read's message characters an event keeps its key, level and
    time but not its text (counted, so the counts stay exact).
    #>
    [CmdletBinding()]
    param(
        # How far back to read, in minutes (at most seven days).
        [Parameter(Mandatory)]
        [ValidateRange(1, 10080)]
        [int] $SinceMinutes,

        # At most this many events of each log and level group (critical and error; warning), the newest.
        [ValidateRange(1, 10000)]
        [int] $MaxEventsPerSource = 5000,

        # The message characters kept over the whole read; past them an event keeps its key, level and time.
        [ValidateRange(0, 10000000)]
        [int] $MaxMessageChars = 1000000
    )

    try {
        Import-ChatOpsModule Microsoft.PowerShell.Diagnostics
        $since = (Microsoft.PowerShell.Utility\Get-Date).AddMinutes(-$SinceMinutes)
        # Critical, Error and Warning only: the cluster writes Information events all day.
        $sources = @(
            [ordered]@{ log = 'System'; provider = 'Microsoft-Windows-FailoverClustering' }
            [ordered]@{ log = 'Microsoft-Windows-FailoverClustering/Operational'; provider = $null }
            [ordered]@{ log = 'Microsoft-Windows-Hyper-V-High-Availability-Admin'; provider = $null }
            [ordered]@{ log = 'Microsoft-Windows-Hyper-V-VMMS-Admin'; provider = $null }
        )
        $budget = $MaxMessageChars
        $read = foreach ($source in $sources) {
            $dropped = 0
            $events = @()
            $capped = $false
            $unread = $null
            foreach ($levels in @(@(1, 2), @(3))) {
                $filter = @{ LogName = $source.log; StartTime = $since; Level = $levels }
                if ($null -ne $source.provider) { $filter['ProviderName'] = $source.provider }
                $problems = @()
                $found = @()
                try {
                    # One more than asked for: whether the log held more than the bound is said, not guessed.
                    $found = @(Get-WinEvent -FilterHashtable $filter -MaxEvents ($MaxEventsPerSource + 1) -ErrorAction SilentlyContinue -ErrorVariable problems)
                }
                catch {
                    # What no preference silences: the empty query left when no log matched ("The parameter is incorrect").
                    $problems = @($problems) + @($_)
                }

                # The error variable holds records, and for a terminating error the exception that carries one.
                $records = @(@($problems) | ForEach-Object {
                        if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ }
                        elseif ($_ -is [System.Management.Automation.IContainsErrorRecord]) { $_.ErrorRecord }
                    })
                $failed = @($records | Where-Object { [string]$_.FullyQualifiedErrorId -notlike 'NoMatchingEventsFound*' })
                if ($found.Count -eq 0 -and $failed.Count -gt 0 -and $events.Count -eq 0) {
                    $unread = New-ChatOpsPartError -Record $failed[0]
                    break
                }

                if ($found.Count -gt $MaxEventsPerSource) {
                    $capped = $true
                    $found = @($found[0..($MaxEventsPerSource - 1)])
                }

                foreach ($record in $found) {
                    # TimeCreated is nullable on EventLogRecord: an event without a time cannot be placed in the window.
                    if ($null -eq $record.TimeCreated) { continue }
                    $message = [string]$record.Message
                    if ($message.Length -gt 500) {
                        # Never between the two halves of a surrogate pair: the JSON would not parse.
                        $cut = if ([char]::IsHighSurrogate($message[499])) { 499 } else { 500 }
                        $message = $message.Substring(0, $cut) + '...'
                    }
                    if ($message.Length -gt $budget) {
                        $message = ''
                        $dropped++
                    }
                    $budget -= $message.Length
                    $events += [ordered]@{
                        provider = [string]$record.ProviderName
                        id       = [int]$record.Id
                        level    = [int]$record.Level
                        # 'o' is the invariant round-trip form: a custom format's ':' follows the node's culture.
                        time     = $record.TimeCreated.ToUniversalTime().ToString('o')
                        message  = $message
                    }
                }
            }

            # Assigned, never the output of an if: a statement's output would unroll a one-event array into the event itself.
            $value = @($events)
            if ($null -ne $unread) { $value = $unread }
            [ordered]@{ log = $source.log; provider = $source.provider; capped = $capped; messagesDropped = $dropped; events = $value }
        }

        Write-ChatOpsResult ([ordered]@{ sinceMinutes = $SinceMinutes; sources = @($read) })
    }
    catch {
        Exit-ChatOpsFailure -Record $_
    }
}
