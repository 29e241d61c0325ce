<#
.SYNOPSIS
    The cluster's own view: name, quorum, node membership, clustered VMs and disks.
.DESCRIPTION
    Read only. Runs on any node of the cluster (or, with -ClusterName, on a host that can reach it).
    Writes one JSON document to stdout; on failure one JSON error to stderr and exit code 2.
#>
[CmdletBinding()]
param(
    # Cluster to ask; empty asks the cluster this node belongs to.
    [Parameter()]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
    [string] $ClusterName
)

. (Join-Path $PSScriptRoot 'ChatOps.Common.ps1')

try {
    Import-Module FailoverClusters -ErrorAction Stop
    $target = @{}
    if ($ClusterName) { $target['Cluster'] = $ClusterName }

    $cluster = if ($ClusterName) { Get-Cluster -Name $ClusterName } else { Get-Cluster }

    $nodes = @(Get-ClusterNode @target | ForEach-Object {
        [ordered]@{ name = [string]$_.Name; state = $_.State.ToString() }
    })

    # The VM id lives on the 'Virtual Machine' resource of each VM group.
    $vmIds = @{}
    foreach ($resource in @(Get-ClusterResource @target | Where-Object { $_.ResourceType.Name -eq 'Virtual Machine' })) {
        $id = (Get-ClusterParameter -InputObject $resource -Name VmID).Value
        $vmIds[[string]$resource.OwnerGroup.Name] = [string]$id
    }

    $vms = @(Get-ClusterGroup @target | Where-Object { $_.GroupType.ToString() -eq 'VirtualMachine' } | ForEach-Object {
        $group = $_
        $owners = @((Get-ClusterOwnerNode -Group $group @target).OwnerNodes | ForEach-Object { [string]$_.Name })
        [ordered]@{
            name            = [string]$group.Name
            id              = $vmIds[[string]$group.Name]
            state           = $group.State.ToString()
            ownerNode       = if ($group.OwnerNode) { [string]$group.OwnerNode.Name } else { $null }
            priority        = [int]$group.Priority
            preferredOwners = $owners
        }
    })

    $disks = @(Get-ClusterSharedVolume @target | ForEach-Object {
        $info = @($_.SharedVolumeInfo)[0]
        $volume = [regex]::Match([string]$info.Partition.Name, '[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}').Value
        [ordered]@{
            id         = [string]$_.Name
            sizeGb     = [long][math]::Round($info.Partition.Size / 1GB)
            volumeGuid = $volume
            isCsv      = $true
        }
    })
    $disks += @(Get-ClusterResource @target | Where-Object { $_.ResourceType.Name -eq 'Physical Disk' } | ForEach-Object {
        [ordered]@{ id = [string]$_.Name; sizeGb = 0; volumeGuid = ''; isCsv = $false }
    })

    $quorumSettings = Get-ClusterQuorum @target
    $witness = 'None'
    $location = $null
    if ($quorumSettings.QuorumResource) {
        switch ([string]$quorumSettings.QuorumResource.ResourceType.Name) {
            'File Share Witness' {
                $witness = 'FileShare'
                $location = [string](Get-ClusterParameter -InputObject $quorumSettings.QuorumResource -Name SharePath).Value
            }
            'Physical Disk' {
                $witness = 'Disk'
                $location = [string]$quorumSettings.QuorumResource.Name
            }
        }
    }

    Write-ChatOpsResult ([ordered]@{
        name   = [string]$cluster.Name
        quorum = [ordered]@{ type = $quorumSettings.QuorumType.ToString(); witness = $witness; location = $location }
        nodes  = $nodes
        vms    = $vms
        disks  = $disks
    })
}
catch {
    Exit-ChatOpsFailure -Record $_
}
