function Remove-ChatOpsStaleLink {
    <#
    .SYNOPSIS
        Safe action: removes the config link of a VM that is no longer registered on this node
        (<GUID>.xml up to 2012 R2, <GUID>.vmcx from 2016) from ProgramData\Microsoft\Windows\Hyper-V\Virtual Machines.
    .DESCRIPTION
        A link is stale only when Hyper-V here has no VM with that id, in any state: the node checks
        that again just before it removes anything.
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
        Import-ChatOpsModule Hyper-V
        $id = [string][guid]$VmId
        $registered = @(Get-VM -Id $id -ErrorAction SilentlyContinue)
        if ($registered.Count -gt 0) {
            Write-ChatOpsResult ([ordered]@{ status = 'Refused'; summary = "VM $($registered[0].Name) ($id) is registered on $NodeName ($([string]$registered[0].State)); its config link is not stale." })
            return
        }

        $folder = Get-ChatOpsVmLinkFolder
        # Hyper-V names the links in upper case; compare without case (the node's file system may not).
        $links = @(if (Test-Path -LiteralPath $folder) {
                Get-ChildItem -LiteralPath $folder | Where-Object { $_.BaseName -eq $id -and $_.Extension -in @('.xml', '.vmcx') } | ForEach-Object { $_.FullName }
            })
        if ($links.Count -eq 0) {
            Exit-ChatOpsError -Kind 'NotFound' -Message "No config link for VM $id on $NodeName."
        }

        foreach ($link in $links) { Remove-Item -LiteralPath $link -Force }
        Write-ChatOpsResult ([ordered]@{ status = 'Succeeded'; summary = "Removed the config link of VM $id from $NodeName ($((($links | ForEach-Object { Split-Path -Leaf $_ }) -join ', ')))." })
    }
    catch {
        Exit-ChatOpsFailure -Record $_
    }
}
