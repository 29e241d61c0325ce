function Stop-ChatOpsVmWorker {
    <#
    .SYNOPSIS
        Safe action: kills the vmwp.exe worker process of one VM on this node; the VM crashes and the
        cluster restarts it.
    .DESCRIPTION
        The VM is named by its id (a GUID, never free text): the worker's command line carries it. The
        node acts only on positive evidence: Get-VM answered and lists the VM here, in a state that has a
        worker (running, paused or in a transition), and exactly one vmwp.exe carries its id. Anything
        else (VMMS not answering, the VM moved or stopped, no worker or several) refuses and says why.
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
        [string] $VmId,

        # The bot's deadline for this action, UTC: past it by this node's clock, nothing is changed.
        [Parameter(Mandatory)]
        [ValidatePattern('^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$')]
        [string] $NotAfter
    )

    try {
        Import-ChatOpsModule Hyper-V, CimCmdlets
        $id = [string][guid]$VmId
        $registered = Get-ChatOpsRegisteredVms -NodeName $NodeName -Action 'nothing was killed'
        if ($registered -is [string]) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = $registered; processIds = @() })
            return
        }
        $vm = Get-ChatOpsFirst @($registered | Where-Object { ([string][guid]$_.Id) -eq $id })
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
        if ($workers.Count -ne 1) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "$($workers.Count) worker processes carry VM $id on $NodeName, not exactly one; nothing was killed."; processIds = @() })
            return
        }

        if (Test-ChatOpsDeadlinePassed $NotAfter) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "The deadline for this action ($NotAfter) passed before it reached $NodeName; nothing was killed."; processIds = @() })
            return
        }
        Stop-ChatOpsProcessById -ProcessId ([int]$workers[0].ProcessId) -Label 'vmwp.exe'
        Write-ChatOpsResult ([ordered]@{ status = 'Succeeded'; summary = "Killed the worker process of VM $($vm.Name) ($id, pid $($workers[0].ProcessId)) on $NodeName."; processIds = @([int]$workers[0].ProcessId) })
    }
    catch {
        Exit-ChatOpsFailure -Record $_
    }
}
