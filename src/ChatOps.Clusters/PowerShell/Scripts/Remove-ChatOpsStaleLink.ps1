<#
.SYNOPSIS
    Safe action: deletes one VM config link from this node's Hyper-V 'Virtual Machines' folder.
.DESCRIPTION
    The link is named by the VM id (a GUID, never a path). Refused while that VM is registered
    and not off on this node. Writes one JSON document to stdout; on failure one JSON error to
    stderr and exit code 2.
#>
[CmdletBinding()]
param(
    # This node's name as the cluster lists it (labels the output).
    [Parameter(Mandatory)]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
    [string] $NodeName,

    # The VM id the link is named after.
    [Parameter(Mandatory)]
    [ValidatePattern('^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$')]
    [string] $VmId
)

. (Join-Path $PSScriptRoot 'ChatOps.Common.ps1')

try {
    Import-Module Hyper-V -ErrorAction Stop
    $id = ([guid]$VmId).ToString()
    $registered = @(Get-VM -Id $id -ErrorAction SilentlyContinue | Select-Object Name, State)
    if ($registered.Count -gt 0 -and $registered[0].State.ToString() -ne 'Off') {
        Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "VM $($registered[0].Name) ($id) is $($registered[0].State.ToString()) on $NodeName; its config link is not stale." })
        return
    }

    $folder = Join-Path ([Environment]::GetFolderPath('CommonApplicationData')) 'Microsoft\Windows\Hyper-V\Virtual Machines'
    $link = Join-Path $folder "$id.xml"
    if (-not (Test-Path -LiteralPath $link)) {
        Exit-ChatOpsError -Kind 'NotFound' -Message "No config link for VM $id on $NodeName."
    }

    Remove-Item -LiteralPath $link -Force
    Write-ChatOpsResult ([ordered]@{ status = 'Succeeded'; summary = "Removed the config link of VM $id from $NodeName." })
}
catch {
    Exit-ChatOpsFailure -Record $_
}
