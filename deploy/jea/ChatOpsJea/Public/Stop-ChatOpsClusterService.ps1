function Stop-ChatOpsClusterService {
    <#
    .SYNOPSIS
        Safe action: kills clussvc.exe on this node, so the node leaves the cluster and its VMs fail over.
    .DESCRIPTION
        The bot has resolved the node against the live inventory and had the action confirmed; this
        node checks again, just before it kills anything, that it is the node named, that the cluster
        service runs here and (unless -QuorumLoss Allow, which the bot sends only for a confirmed
        --force) that the cluster keeps quorum without it: the votes of the nodes still up (their
        DynamicWeight from 2012 R2, else NodeWeight) and of the witness must stay a majority.
        Win32_Process.Terminate on a SYSTEM process needs SeDebugPrivilege: the endpoint's virtual
        account (a local administrator) holds it.
    #>
    [CmdletBinding()]
    param(
        # This node's name as the cluster lists it.
        [Parameter(Mandatory)]
        [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
        [string] $NodeName,

        # Refuse (the default) or Allow taking the cluster below quorum.
        [Parameter()]
        [ValidateSet('Refuse', 'Allow')]
        [string] $QuorumLoss = 'Refuse'
    )
    # Clusters list nodes by their short (NetBIOS) names; so does this function from here on.
    $NodeName = $NodeName.Split('.')[0]

    try {
        Import-ChatOpsModule CimCmdlets, FailoverClusters
        $here = [string](Get-CimInstance -ClassName Win32_ComputerSystem).Name
        if (-not $NodeName.Equals($here, [StringComparison]::OrdinalIgnoreCase)) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "This endpoint is $here, not $NodeName; nothing was killed."; processIds = @() })
            return
        }

        if ($QuorumLoss -eq 'Refuse') {
            $votes = Get-ChatOpsQuorumVotes -Without $NodeName
            if ($votes.After * 2 -le $votes.Now) {
                Write-ChatOpsResult ([ordered]@{
                        status     = 'Refused'
                        summary    = "Without $NodeName the cluster would keep $($votes.After) of $($votes.Now) votes and lose quorum; nothing was killed. Ask again with --force if that is intended."
                        processIds = @()
                    })
                return
            }
        }

        $processes = @(Get-CimInstance -ClassName Win32_Process -Filter "Name='clussvc.exe'")
        if ($processes.Count -eq 0) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "The cluster service is not running on $NodeName."; processIds = @() })
            return
        }

        $killed = @(Stop-ChatOpsProcess -Process $processes -Label 'clussvc.exe')
        Write-ChatOpsResult ([ordered]@{ status = 'Succeeded'; summary = "Killed clussvc.exe on $NodeName."; processIds = $killed })
    }
    catch {
        Exit-ChatOpsFailure -Record $_
    }
}
