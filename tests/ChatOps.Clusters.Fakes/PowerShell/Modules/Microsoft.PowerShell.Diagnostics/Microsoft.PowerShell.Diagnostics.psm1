# Test fake of Get-WinEvent (Windows PowerShell's Microsoft.PowerShell.Diagnostics, which PowerShell on Linux lacks) -FilterHashtable, over the events recorded for this node ($host.Events:
# LogName, ProviderName, Id, Level, TimeCreated (UTC, ISO 8601), Message). Which logs exist on the node is
# $host.EventLogs (default: System, FailoverClustering/Operational and the two Hyper-V Admin channels); $host.DeniedLogs are there but
# unreadable. Each behaviour follows Get-WinEvent's documentation (PowerShell-Docs, reference/5.1/
# Microsoft.PowerShell.Diagnostics/Get-WinEvent.md, and "Creating Get-WinEvent queries with
# FilterHashtable") and its source (PowerShell/PowerShell, src/Microsoft.PowerShell.Commands.Diagnostics/
# GetEventCommand.cs, with the messages of GetEventResources.resx):
#  - events come newest first unless -Oldest; -MaxEvents (1 or more) caps the whole call;
#  - Level and Id take one value or an array; StartTime/EndTime bound TimeCreated;
#  - a hashtable without LogName, ProviderName or Path: terminating LogProviderOrPathNeeded;
#  - a log the node does not have: non-terminating NoMatchingLogsFound (ObjectNotFound, the pattern as
#    target) "There is not an event log on the localhost computer that matches "<log>"."; when no log is
#    left to query, the empty query fails with a terminating EventLogException "The parameter is incorrect";
#  - a log the account cannot open: non-terminating LogInfoUnavailable "Could not retrieve information about
#    the <log> log. Error: Attempted to perform an unauthorized operation.." and the log counts as missing;
#  - a provider the node does not have: non-terminating NoMatchingProvidersFound;
#  - a key whose value is $null: terminating NullNotAllowedInHashtable;
#  - a record whose message cannot be formatted ($host.Events[i].MessageUnavailable): a non-terminating
#    error, and the record still comes, its Message "Cannot retrieve event message text.";
#  - nothing matched: non-terminating NoMatchingEventsFound (ObjectNotFound, a plain Exception, no target)
#    "No events were found that match the specified selection criteria.";
#  - each event is an EventLogRecord with a Message note property; Level is a byte and TimeCreated a
#    local DateTime (DateTime.FromFileTime).
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

$script:DefaultLogs = @('System', 'Microsoft-Windows-FailoverClustering/Operational', 'Microsoft-Windows-Hyper-V-High-Availability-Admin', 'Microsoft-Windows-Hyper-V-VMMS-Admin')

function Get-WinEvent {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [hashtable[]] $FilterHashtable,
        [ValidateRange(1, [long]::MaxValue)] [long] $MaxEvents = -1,
        [switch] $Oldest
    )

    $hostData = Get-FakeHost
    $logs = if ($hostData.ContainsKey('EventLogs')) { @($hostData.EventLogs) } else { $script:DefaultLogs }
    $denied = if ($hostData.ContainsKey('DeniedLogs')) { @($hostData.DeniedLogs) } else { @() }
    $recorded = if ($hostData.ContainsKey('Events')) { @($hostData.Events) } else { @() }
    $matched = [System.Collections.Generic.List[object]]::new()
    $queried = 0
    foreach ($filter in $FilterHashtable) {
        $keys = @{}
        foreach ($key in $filter.Keys) {
            if ($null -eq $filter[$key]) {
                Stop-FakeCmdlet $PSCmdlet (New-FakeErrorRecord ([System.Exception]::new("The value of the $key key in the hash table is null.")) 'NullNotAllowedInHashtable' InvalidArgument)
            }
            $keys[([string]$key).ToLowerInvariant()] = $filter[$key]
        }
        if (-not ($keys.ContainsKey('logname') -or $keys.ContainsKey('providername') -or $keys.ContainsKey('path'))) {
            Stop-FakeCmdlet $PSCmdlet (New-FakeErrorRecord ([System.Exception]::new('You must specify at least one Log, Provider or Path key-value pair.')) 'LogProviderOrPathNeeded' InvalidArgument)
        }

        $wantedLogs = @()
        foreach ($pattern in @($keys['logname'])) {
            if ($null -eq $pattern) { continue }
            if ($denied -contains $pattern) {
                Write-FakeError $PSCmdlet (New-FakeErrorRecord ([System.Exception]::new("Could not retrieve information about the $pattern log. Error: Attempted to perform an unauthorized operation..")) 'LogInfoUnavailable' NotSpecified)
            }
            $found = @($logs | Where-Object { $_ -like $pattern -and $denied -notcontains $_ })
            if ($found.Count -eq 0) {
                Write-FakeError $PSCmdlet (New-FakeErrorRecord ([System.Exception]::new("There is not an event log on the localhost computer that matches `"$pattern`".")) 'NoMatchingLogsFound' ObjectNotFound $pattern)
            }
            $wantedLogs += $found
        }

        $providers = @($keys['providername'] | Where-Object { $null -ne $_ })
        $knownProviders = @('Microsoft-Windows-FailoverClustering', 'Microsoft-Windows-Hyper-V-High-Availability', 'Microsoft-Windows-Hyper-V-VMMS') + @($recorded | ForEach-Object { $_.ProviderName })
        foreach ($pattern in $providers) {
            if (-not ($knownProviders | Where-Object { $_ -like $pattern })) {
                Write-FakeError $PSCmdlet (New-FakeErrorRecord ([System.Exception]::new("There is not an event provider on the localhost computer that matches `"$pattern`".")) 'NoMatchingProvidersFound' ObjectNotFound $pattern)
            }
        }

        if ($keys.ContainsKey('logname') -and $wantedLogs.Count -eq 0) { continue }
        $queried++
        $levels = @($keys['level'] | Where-Object { $null -ne $_ } | ForEach-Object { [int]$_ })
        $ids = @($keys['id'] | Where-Object { $null -ne $_ } | ForEach-Object { [int]$_ })
        $start = if ($keys.ContainsKey('starttime')) { ([datetime]$keys['starttime']).ToUniversalTime() } else { $null }
        $end = if ($keys.ContainsKey('endtime')) { ([datetime]$keys['endtime']).ToUniversalTime() } else { $null }
        foreach ($entry in $recorded) {
            $created = ([datetime]::Parse([string]$entry.TimeCreated, [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal -bor [System.Globalization.DateTimeStyles]::AssumeUniversal))
            if ($keys.ContainsKey('logname') -and $wantedLogs -notcontains $entry.LogName) { continue }
            if ($providers.Count -gt 0 -and -not ($providers | Where-Object { $entry.ProviderName -like $_ })) { continue }
            if ($levels.Count -gt 0 -and $levels -notcontains [int]$entry.Level) { continue }
            if ($ids.Count -gt 0 -and $ids -notcontains [int]$entry.Id) { continue }
            if ($null -ne $start -and $created -lt $start) { continue }
            if ($null -ne $end -and $created -gt $end) { continue }
            $matched.Add([pscustomobject]@{ Entry = $entry; Created = $created })
        }
    }

    if ($queried -eq 0) {
        # Windows throws an EventLogException here; that type is Windows-only, so its name is carried in the error id.
        Stop-FakeCmdlet $PSCmdlet (New-FakeErrorRecord ([System.Exception]::new('The parameter is incorrect')) 'System.Diagnostics.Eventing.Reader.EventLogException' NotSpecified)
    }

    $ordered = @($matched | Microsoft.PowerShell.Utility\Sort-Object -Property Created -Descending:(-not $Oldest))
    if ($MaxEvents -gt 0 -and $ordered.Count -gt $MaxEvents) { $ordered = @($ordered[0..($MaxEvents - 1)]) }
    if ($ordered.Count -eq 0) {
        Write-FakeError $PSCmdlet (New-FakeErrorRecord ([System.Exception]::new('No events were found that match the specified selection criteria.')) 'NoMatchingEventsFound' ObjectNotFound)
        return
    }

    foreach ($item in $ordered) {
        $entry = $item.Entry
        $message = [string]$entry.Message
        if ($entry.ContainsKey('MessageUnavailable') -and $entry.MessageUnavailable) {
            $formatError = [System.Exception]::new("The description for Event ID $($entry.Id) from source $($entry.ProviderName) cannot be found.")
            Write-FakeError $PSCmdlet (New-FakeErrorRecord $formatError $formatError.Message NotSpecified)
            $message = 'Cannot retrieve event message text.'
        }
        $record = [pscustomobject]@{
            Id               = [int]$entry.Id
            Level            = [byte]$entry.Level
            LevelDisplayName = @{ 1 = 'Critical'; 2 = 'Error'; 3 = 'Warning'; 4 = 'Information' }[[int]$entry.Level]
            ProviderName     = [string]$entry.ProviderName
            LogName          = [string]$entry.LogName
            TimeCreated      = $item.Created.ToLocalTime()
            MachineName      = Get-FakeNodeName
            RecordId         = [long]$entry.RecordId
            Message          = $message
        }
        $record.PSObject.TypeNames.Insert(0, 'System.Diagnostics.Eventing.Reader.EventLogRecord')
        $record
    }
}

Export-ModuleMember -Function @(@('Get-WinEvent') | Where-Object { Test-FakeCommand $_ })
