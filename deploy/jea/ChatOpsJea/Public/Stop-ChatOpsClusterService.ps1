function Stop-ChatOpsClusterService {
    <#
    .SYNOPSIS
        Safe action: kills clussvc.exe on this node, so the node leaves the cluster and its VMs fail over.
    .DESCRIPTION
        The bot has resolved the node against the live inventory and had the action confirmed; this
        node checks again that it is the node named and that the cluster service runs here.
        Win32_Process.Terminate on a SYSTEM process needs SeDebugPrivilege: the endpoint's virtual
        account (a local administrator) or gMSA (made a local administrator) holds it.
    #>
    [CmdletBinding()]
    param(
        # This node's name as the cluster lists it.
        [Parameter(Mandatory)]
        [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
        [string] $NodeName
    )

    try {
        Import-ChatOpsModule CimCmdlets
        $here = [string](Get-CimInstance -ClassName Win32_ComputerSystem).Name
        if (-not $NodeName.Split('.')[0].Equals($here, [StringComparison]::OrdinalIgnoreCase)) {
            Exit-ChatOpsError -Kind 'Refused' -Message "This endpoint is $here, not $NodeName; nothing was killed."
        }

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
}
