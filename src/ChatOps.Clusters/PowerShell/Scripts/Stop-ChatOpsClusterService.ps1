<#
.SYNOPSIS
    Safe action: kills clussvc.exe on this node, so the node leaves the cluster and its VMs fail over.
.DESCRIPTION
    The caller has already resolved the node against the live inventory and had the action
    confirmed. Writes one JSON document to stdout; on failure one JSON error to stderr and exit code 2.
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
    $processes = @(Get-CimInstance -ClassName Win32_Process -Filter "Name='clussvc.exe'")
    if ($processes.Count -eq 0) {
        Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "The cluster service is not running on $NodeName."; processIds = @() })
        return
    }

    $killed = @(foreach ($process in $processes) {
        $result = Invoke-CimMethod -InputObject $process -MethodName Terminate
        if ([int]$result.ReturnValue -ne 0) {
            Exit-ChatOpsError -Kind 'Error' -Message "Terminate clussvc.exe (pid $($process.ProcessId)) returned $($result.ReturnValue)."
        }
        [int]$process.ProcessId
    })
    Write-ChatOpsResult ([ordered]@{ status = 'Succeeded'; summary = "Killed clussvc.exe on $NodeName."; processIds = $killed })
}
catch {
    Exit-ChatOpsFailure -Record $_
}
