function Stop-ChatOpsClusterService {
    <#
    .SYNOPSIS
        Safe action: kills clussvc.exe on this node, so the node leaves the cluster and its VMs fail over.
    .DESCRIPTION
        The bot has resolved the node against the live inventory and had the action confirmed; this
        node checks again, just before it kills anything, on positive evidence only: that it is the node
        named, that the cluster service (ClusSvc) runs here as a service with a process, and that its own
        count of the live quorum votes gives the verdict the bot previewed (-ExpectedQuorum). When both
        say the cluster would lose quorum, it goes ahead only with -QuorumLoss Allow, which the bot sends
        only after a second admin approved a --force request; when they disagree it refuses and says both.
    #>
    [CmdletBinding()]
    param(
        # This node's name as the cluster lists it.
        [Parameter(Mandatory)]
        [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
        [string] $NodeName,

        # The bot's verdict on quorum without this node, as the admin saw it in the preview.
        [Parameter(Mandatory)]
        [ValidateSet('Kept', 'Lost')]
        [string] $ExpectedQuorum,

        # Refuse (the default) or Allow taking the cluster below quorum.
        [Parameter()]
        [ValidateSet('Refuse', 'Allow')]
        [string] $QuorumLoss = 'Refuse',

        # The bot's deadline for this action, UTC: past it by this node's clock, nothing is changed.
        [Parameter(Mandatory)]
        [ValidatePattern('^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$')]
        [string] $NotAfter
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

        $service = Get-ChatOpsFirst @(Get-CimInstance -ClassName Win32_Service -Filter "Name='ClusSvc'")
        if (-not $service -or [string]$service.State -ne 'Running' -or [int]$service.ProcessId -eq 0) {
            $state = if ($service) { [string]$service.State } else { 'not installed' }
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "The cluster service on $NodeName is $state, not running; nothing was killed."; processIds = @() })
            return
        }

        $votes = Get-ChatOpsQuorumVotes -Without $NodeName
        $mine = if ($votes.Kept) { 'Kept' } else { 'Lost' }
        $count = "$($votes.After) of $($votes.Total) votes left, $($votes.Needed) needed$(if ($votes.Live) { ', live votes' })"
        if ($mine -ne $ExpectedQuorum) {
            Write-ChatOpsResult ([ordered]@{
                    status     = 'Refused'
                    summary    = "The preview said quorum would be $($ExpectedQuorum.ToLowerInvariant()) without $NodeName; this node counts $count, so it would be $($mine.ToLowerInvariant()). They disagree; nothing was killed. Ask again for a fresh preview."
                    processIds = @()
                })
            return
        }
        if ($mine -eq 'Lost' -and $QuorumLoss -ne 'Allow') {
            Write-ChatOpsResult ([ordered]@{
                    status     = 'Refused'
                    summary    = "Without $NodeName the cluster would lose quorum ($count); nothing was killed. Ask again with --force if that is intended; a second admin must approve."
                    processIds = @()
                })
            return
        }

        if (Test-ChatOpsDeadlinePassed $NotAfter) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "The deadline for this action ($NotAfter) passed before it reached $NodeName; nothing was killed."; processIds = @() })
            return
        }
        Stop-ChatOpsProcessById -ProcessId ([int]$service.ProcessId) -Label 'clussvc.exe'
        Write-ChatOpsResult ([ordered]@{ status = 'Succeeded'; summary = "Killed clussvc.exe (pid $($service.ProcessId)) on $NodeName; quorum $($mine.ToLowerInvariant()) ($count)."; processIds = @([int]$service.ProcessId) })
    }
    catch {
        Exit-ChatOpsFailure -Record $_
    }
}
