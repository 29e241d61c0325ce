function Remove-ChatOpsStaleLink {
    <#
    .SYNOPSIS
        Safe action: removes the config link of a VM that is no longer registered on this node
        (<GUID>.xml up to 2012 R2, <GUID>.vmcx from 2016) from ProgramData\Microsoft\Windows\Hyper-V\Virtual Machines.
    .DESCRIPTION
        Only on positive evidence, checked again just before anything is removed: Get-VM answered and
        lists no VM with that id here, and each file is a link (a reparse point, LinkType SymbolicLink)
        directly in that folder. Any doubt (Hyper-V not answering, a real file, another folder) refuses
        and says why; nothing is removed.
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
        Import-ChatOpsModule Hyper-V
        $id = [string][guid]$VmId
        $registered = Get-ChatOpsRegisteredVms -NodeName $NodeName -Action 'nothing was removed'
        if ($registered -is [string]) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = $registered })
            return
        }
        $vm = Get-ChatOpsFirst @($registered | Where-Object { ([string][guid]$_.Id) -eq $id })
        if ($vm) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "VM $($vm.Name) ($id) is registered on $NodeName ($([string]$vm.State)); its config link is not stale." })
            return
        }

        $folder = Get-ChatOpsVmLinkFolder
        # Hyper-V names the links in upper case; compare without case (the node's file system may not).
        $links = @(if (Test-Path -LiteralPath $folder) {
                Get-ChildItem -LiteralPath $folder | Where-Object { $_.BaseName -eq $id -and $_.Extension -in @('.xml', '.vmcx') }
            })
        if ($links.Count -eq 0) {
            Exit-ChatOpsError -Kind 'NotFound' -Message "No config link for VM $id on $NodeName."
        }
        # Listed from Hyper-V's folder itself, so each is in it; each must also be a file link.
        foreach ($link in $links) {
            $isLink = -not $link.PSIsContainer -and ([string]$link.Attributes) -match 'ReparsePoint' -and [string](Get-ChatOpsProperty $link 'LinkType') -eq 'SymbolicLink'
            if (-not $isLink) {
                Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "$($link.Name) on $NodeName is not a symbolic link (a real file or a folder); only links are removed, and nothing was." })
                return
            }
        }

        if (Test-ChatOpsDeadlinePassed $NotAfter) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "The deadline for this action ($NotAfter) passed before it reached $NodeName; nothing was removed." })
            return
        }
        foreach ($link in $links) { Remove-Item -LiteralPath $link.FullName -Force }
        Write-ChatOpsResult ([ordered]@{ status = 'Succeeded'; summary = "Removed the config link of VM $id from $NodeName ($((($links | ForEach-Object { $_.Name }) -join ', ')))." })
    }
    catch {
        Exit-ChatOpsFailure -Record $_
    }
}
