function Stop-ChatOpsVmWorker {
    <#
    .SYNOPSIS
        Safe action: kills the vmwp.exe worker process of one VM on this node; the VM crashes and the
        cluster restarts it.
    .DESCRIPTION
        The VM is named by its id (a GUID, never free text): the worker's command line carries it. The
        node checks again that the VM is registered here and holds a worker (running, paused or in a
        transition), so a VM that moved or stopped since the preview is refused.
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

    try {
        Import-ChatOpsModule Hyper-V, CimCmdlets
        $id = [string][guid]$VmId
        $vm = (Get-ChatOpsFirst @(Get-VM -Id $id -ErrorAction SilentlyContinue))
        if (-not $vm) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "VM $id is not registered on $NodeName (it may have moved); nothing was killed."; processIds = @() })
            return
        }
        if (([string]$vm.State) -in @('Off', 'Saved', 'Hibernated', 'OffCritical', 'SavedCritical')) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "VM $($vm.Name) is $(([string]$vm.State)) on $NodeName; it has no worker process to kill."; processIds = @() })
            return
        }

        $workers = @(Get-CimInstance -ClassName Win32_Process -Filter "Name='vmwp.exe'" |
            Where-Object { ([string]$_.CommandLine).IndexOf($id, [StringComparison]::OrdinalIgnoreCase) -ge 0 })
        if ($workers.Count -eq 0) {
            Exit-ChatOpsError -Kind 'NotFound' -Message "No worker process for VM $id runs on $NodeName."
        }

        $killed = @(Stop-ChatOpsProcess -Process $workers -Label 'vmwp.exe')
        Write-ChatOpsResult ([ordered]@{ status = 'Succeeded'; summary = "Killed the worker process of VM $id on $NodeName."; processIds = $killed })
    }
    catch {
        Exit-ChatOpsFailure -Record $_
    }
}
