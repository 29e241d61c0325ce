function Get-ChatOpsClusterView {
    <#
    .SYNOPSIS
        The cluster's own view: name, quorum, node membership, clustered VMs and disks. Read only;
        any node of the cluster answers it.
    #>
    [CmdletBinding()]
    param()

    try {
        Import-ChatOpsModule FailoverClusters, CimCmdlets
        $cluster = Get-Cluster

        # Each node's configured vote (NodeWeight, 0 or 1) and its live vote under dynamic quorum
        # (DynamicWeight, 2012 and later); null where the version has no such property.
        $nodes = @(Get-ClusterNode | ForEach-Object {
            $weight = Get-ChatOpsProperty $_ 'NodeWeight'
            $dynamic = Get-ChatOpsProperty $_ 'DynamicWeight'
            # Isolated or Quarantined (2016 and later) and the last drain's outcome; absent on older versions.
            $status = Get-ChatOpsProperty $_ 'StatusInformation'
            $drain = Get-ChatOpsProperty $_ 'DrainStatus'
            [ordered]@{
                name              = [string]$_.Name
                state             = ([string]$_.State)
                nodeWeight        = if ($null -ne $weight) { [int]$weight } else { $null }
                dynamicWeight     = if ($null -ne $dynamic) { [int]$dynamic } else { $null }
                statusInformation = if ($null -ne $status) { [string]$status } else { $null }
                drainStatus       = if ($null -ne $drain) { [string]$drain } else { $null }
            }
        })

        # The VM id lives on the 'Virtual Machine' resource of each VM group: one pipeline for all of them.
        $resources = @(Get-ClusterResource)
        $vmIds = @{}
        foreach ($parameter in @($resources | Where-Object { $_.ResourceType.Name -eq 'Virtual Machine' } | Get-ClusterParameter -Name VmID)) {
            $vmIds[[string]$parameter.ClusterObject.OwnerGroup.Name] = [string]$parameter.Value
        }

        $vms = @(Get-ClusterGroup | Where-Object { ([string]$_.GroupType) -eq 'VirtualMachine' } | ForEach-Object {
            $group = $_
            $owners = @((Get-ClusterOwnerNode -Group $group).OwnerNodes | ForEach-Object { [string]$_.Name })
            [ordered]@{
                name            = [string]$group.Name
                id              = $vmIds[[string]$group.Name]
                state           = ([string]$group.State)
                ownerNode       = if ($group.OwnerNode) { [string]$group.OwnerNode.Name } else { $null }
                priority        = [int]$group.Priority
                preferredOwners = $owners
            }
        })

        # CSVs carry their path (C:\ClusterStorage\VolumeN, under the cluster's SharedVolumesRoot) and volume
        # GUID. What a failed or offline CSV reports in SharedVolumeInfo is not documented: an empty or
        # partial one gives size 0 and no path, and the CSV's state says why.
        $guidPattern = '[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}'
        $csvNames = @{}
        $disks = @(Get-ClusterSharedVolume | ForEach-Object {
            $csvNames[[string]$_.Name] = $true
            $info = (Get-ChatOpsFirst @(Get-ChatOpsProperty $_ 'SharedVolumeInfo'))
            $partition = Get-ChatOpsProperty $info 'Partition'
            [ordered]@{
                id         = [string]$_.Name
                state      = [string]$_.State
                sizeGb     = [long]([double](Get-ChatOpsProperty $partition 'Size') / 1GB)
                volumeGuid = [regex]::Match([string](Get-ChatOpsProperty $partition 'Name'), $guidPattern).Value
                path       = [string](Get-ChatOpsProperty $info 'FriendlyVolumeName')
                isCsv      = $true
            }
        })

        # Other clustered disks (disk witness, Available Storage, role disks): their partitions from the
        # cluster's WMI provider (MSCluster_Resource -> MSCluster_Disk -> MSCluster_DiskPartition).
        $disks += @($resources | Where-Object { $_.ResourceType.Name -eq 'Physical Disk' -and -not $csvNames.ContainsKey([string]$_.Name) } | ForEach-Object {
            $name = [string]$_.Name
            $partition = $null
            $resource = Get-CimInstance -Namespace 'root/MSCluster' -ClassName MSCluster_Resource -Filter ("Name='{0}'" -f ($name -replace "'", "''"))
            if ($resource) {
                $disk = (Get-ChatOpsFirst @(Get-CimAssociatedInstance -InputObject $resource -ResultClassName MSCluster_Disk))
                if ($disk) { $partition = (Get-ChatOpsFirst @(Get-CimAssociatedInstance -InputObject $disk -ResultClassName MSCluster_DiskPartition)) }
            }
            [ordered]@{
                id         = $name
                state      = [string]$_.State
                sizeGb     = if ($partition) { [long]([double]$partition.TotalSize / 1KB) } else { 0 }
                volumeGuid = if ($partition) { [regex]::Match([string]$partition.VolumeGuid, $guidPattern).Value } else { '' }
                path       = if ($partition) { [string]$partition.Path } else { '' }
                isCsv      = $false
            }
        })

        # 2016+ reports QuorumType 'Majority' for every witness kind; the witness resource says which.
        $quorumSettings = Get-ClusterQuorum
        $witness = 'None'
        $location = $null
        if ($quorumSettings.QuorumResource) {
            $quorumResource = $quorumSettings.QuorumResource
            switch ([string]$quorumResource.ResourceType.Name) {
                'File Share Witness' {
                    $witness = 'FileShare'
                    $location = [string](Get-ClusterParameter -InputObject $quorumResource -Name SharePath).Value
                }
                'Cloud Witness' {
                    $witness = 'Cloud'
                    $location = [string](Get-ClusterParameter -InputObject $quorumResource -Name AccountName).Value
                }
                'Physical Disk' {
                    $witness = 'Disk'
                    $location = [string]$quorumResource.Name
                }
            }
        }

        # Dynamic quorum (on by default from 2012) and the witness's live vote (2012 R2 and later); null
        # where the version has neither.
        $dynamicQuorum = Get-ChatOpsProperty $cluster 'DynamicQuorum'
        $witnessVote = Get-ChatOpsProperty $cluster 'WitnessDynamicWeight'
        # The functional level and the one every node supports (2016 and later; null before).
        $level = Get-ChatOpsProperty $cluster 'ClusterFunctionalLevel'
        $upgradeLevel = Get-ChatOpsProperty $cluster 'ClusterUpgradeFunctionalLevel'
        Write-ChatOpsResult ([ordered]@{
            name   = [string]$cluster.Name
            functionalLevel        = if ($null -ne $level) { [int]$level } else { $null }
            upgradeFunctionalLevel = if ($null -ne $upgradeLevel) { [int]$upgradeLevel } else { $null }
            quorum = [ordered]@{
                type                 = ([string]$quorumSettings.QuorumType)
                witness              = $witness
                location             = $location
                witnessOnline        = if ($quorumSettings.QuorumResource) { ([string]$quorumSettings.QuorumResource.State) -eq 'Online' } else { $null }
                witnessState         = if ($quorumSettings.QuorumResource) { [string]$quorumSettings.QuorumResource.State } else { $null }
                dynamicQuorum        = if ($null -ne $dynamicQuorum) { [int]$dynamicQuorum -eq 1 } else { $null }
                witnessDynamicWeight = if ($null -ne $witnessVote) { [int]$witnessVote } else { $null }
            }
            nodes  = $nodes
            vms    = $vms
            disks  = $disks
        })
    }
    catch {
        Exit-ChatOpsFailure -Record $_
    }
}
