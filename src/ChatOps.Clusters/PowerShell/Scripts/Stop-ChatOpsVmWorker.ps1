<#
.SYNOPSIS
    Safe action: kills the vmwp.exe worker process of one VM on this node.
.DESCRIPTION
    The VM is named by its id (a GUID, never free text): the worker's command line carries it.
    The VM crashes and the cluster restarts it. Writes one JSON document to stdout; on failure
    one JSON error to stderr and exit code 2.
#>
[CmdletBinding()]
param(
    # This node's name as the cluster lists it (labels the output).
    [Parameter(Mandatory)]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
    [string] $NodeName,

    # The VM's id.
    [Parameter(Mandatory)]
    [ValidatePattern('^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$')]
    [string] $VmId
)

. (Join-Path $PSScriptRoot 'ChatOps.Common.ps1')

try {
    $id = ([guid]$VmId).ToString()
    $workers = @(Get-CimInstance -ClassName Win32_Process -Filter "Name='vmwp.exe'" |
        Where-Object { ([string]$_.CommandLine).IndexOf($id, [StringComparison]::OrdinalIgnoreCase) -ge 0 })
    if ($workers.Count -eq 0) {
        Exit-ChatOpsError -Kind 'NotFound' -Message "No worker process for VM $id runs on $NodeName."
    }

    $killed = @(foreach ($worker in $workers) {
        $result = Invoke-CimMethod -InputObject $worker -MethodName Terminate
        if ([int]$result.ReturnValue -ne 0) {
            Exit-ChatOpsError -Kind 'Error' -Message "Terminate vmwp.exe (pid $($worker.ProcessId)) returned $($result.ReturnValue)."
        }
        [int]$worker.ProcessId
    })
    Write-ChatOpsResult ([ordered]@{ status = 'Succeeded'; summary = "Killed the worker process of VM $id on $NodeName."; processIds = $killed })
}
catch {
    Exit-ChatOpsFailure -Record $_
}
