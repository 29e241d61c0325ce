# Test fake: objects shaped like the real FailoverClusters ones, enums as real .NET enum values.
# Shapes follow learn.microsoft.com/powershell/module/failoverclusters (Get-ClusterNode, Get-ClusterGroup,
# Get-ClusterResource, Get-ClusterParameter, Get-ClusterQuorum, Get-ClusterSharedVolume,
# Get-ClusterSharedVolumeState) and the ClusterQuorumType enum: 2016 and later report 'Majority'.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

enum ClusterNodeState { Unknown = -1; Up = 0; Down = 1; Paused = 2; Joining = 3 }
enum ClusterGroupState { Unknown = -1; Online = 0; Offline = 1; Failed = 2; PartialOnline = 3; Pending = 4 }
enum GroupType { Cluster = 1; AvailableStorage = 2; Temporary = 9999; VirtualMachine = 111; Unknown = 9998 }
enum ClusterQuorumType { NodeMajority = 0; NodeAndDiskMajority = 1; NodeAndFileShareMajority = 2; DiskOnly = 3; Majority = 4 }
enum ClusterSharedVolumeStateInfo { Unavailable = 0; Paused = 1; Direct = 2; FileSystemRedirected = 3; BlockRedirected = 4 }

function New-FakeNode([string] $Name) {
    $node = @((Get-FakeCluster).Nodes | Where-Object { $_.Name -eq $Name })[0]
    # NodeWeight: the configured vote; DynamicWeight: the vote dynamic quorum gives it now (0 when down).
    $state = [ClusterNodeState]$node.State
    [pscustomobject]@{
        Name = $Name; State = $state; Id = [string]([array]::IndexOf(@((Get-FakeCluster).Nodes.Name), $Name) + 1)
        NodeWeight = [uint32]1; DynamicWeight = [uint32]$(if ($state -in 'Up', 'Paused') { 1 } else { 0 })
    }
}

function New-FakeResource([string] $Name, [string] $Type, [string] $Group) {
    [pscustomobject]@{ Name = $Name; ResourceType = [pscustomobject]@{ Name = $Type }; OwnerGroup = [pscustomobject]@{ Name = $Group }; State = 'Online' }
}

function Get-Cluster {
    [CmdletBinding()] param([string] $Name)
    $quorum = (Get-FakeCluster).Quorum
    [pscustomobject]@{ Name = (Get-FakeCluster).Cluster.Name; Domain = 'contoso.local'; WitnessDynamicWeight = [uint32]$(if ($quorum.Resource) { 1 } else { 0 }) }
}

function Get-ClusterNode {
    [CmdletBinding()] param([string] $Cluster)
    foreach ($node in (Get-FakeCluster).Nodes) { New-FakeNode $node.Name }
}

function Get-ClusterGroup {
    [CmdletBinding()] param([string] $Cluster)
    foreach ($group in (Get-FakeCluster).Groups) {
        [pscustomobject]@{
            Name      = $group.Name
            State     = [ClusterGroupState]$group.State
            OwnerNode = if ($group.OwnerNode) { New-FakeNode $group.OwnerNode } else { $null }
            Priority  = [uint32]$group.Priority
            GroupType = [GroupType]::VirtualMachine
        }
    }
    [pscustomobject]@{ Name = 'Cluster Group'; State = [ClusterGroupState]::Online; OwnerNode = New-FakeNode (Get-FakeCluster).Nodes[0].Name; Priority = [uint32]3000; GroupType = [GroupType]::Cluster }
}

function Get-ClusterResource {
    [CmdletBinding()] param([string] $Cluster)
    foreach ($group in (Get-FakeCluster).Groups) { New-FakeResource "Virtual Machine $($group.Name)" 'Virtual Machine' $group.Name }
    $quorum = (Get-FakeCluster).Quorum
    if ($quorum.Resource) { New-FakeResource $quorum.Resource.Name $quorum.Resource.ResourceType 'Cluster Group' }
    foreach ($disk in (Get-FakeCluster).Disks) { New-FakeResource $disk.Name 'Physical Disk' 'Available Storage' }
}

function Get-ClusterParameter {
    [CmdletBinding()] param([Parameter(ValueFromPipeline)] $InputObject, [string] $Name, [string] $Cluster)
    process {
        $value = switch ($Name) {
            'VmID' { ((Get-FakeCluster).Groups | Where-Object { $_.Name -eq $InputObject.OwnerGroup.Name }).VmId }
            'SharePath' { (Get-FakeCluster).Quorum.Resource.SharePath }
            'AccountName' { (Get-FakeCluster).Quorum.Resource.AccountName }
            'DiskIdGuid' { ((Get-FakeCluster).Disks | Where-Object { $_.Name -eq $InputObject.Name }).DiskIdGuid }
        }
        [pscustomobject]@{ ClusterObject = $InputObject; Name = $Name; Value = $value; Type = 'String' }
    }
}

function Get-ClusterOwnerNode {
    [CmdletBinding()] param($Group, [string] $Cluster)
    $record = (Get-FakeCluster).Groups | Where-Object { $_.Name -eq $Group.Name }
    [pscustomobject]@{ ClusterObject = $Group; OwnerNodes = @($record.PreferredOwners | ForEach-Object { New-FakeNode $_ }) }
}

function Get-ClusterQuorum {
    [CmdletBinding()] param([string] $Cluster)
    $quorum = (Get-FakeCluster).Quorum
    [pscustomobject]@{
        Cluster        = (Get-FakeCluster).Cluster.Name
        QuorumResource = if ($quorum.Resource) { New-FakeResource $quorum.Resource.Name $quorum.Resource.ResourceType 'Cluster Group' } else { $null }
        QuorumType     = [ClusterQuorumType]$quorum.QuorumType
    }
}

function Get-ClusterSharedVolume {
    [CmdletBinding()] param([string] $Cluster)
    foreach ($csv in (Get-FakeCluster).SharedVolumes) {
        [pscustomobject]@{
            Name             = $csv.Name
            State            = 'Online'
            SharedVolumeInfo = @([pscustomobject]@{
                FriendlyVolumeName = $csv.Path
                Partition          = [pscustomobject]@{ Name = "\\?\Volume{$($csv.VolumeGuid)}\"; Size = [long]$csv.Size; FreeSpace = [long]($csv.Size / 2) }
            })
        }
    }
}

function Get-ClusterSharedVolumeState {
    [CmdletBinding()] param([string] $Node, [string] $Cluster)
    foreach ($csv in (Get-FakeCluster).SharedVolumes) {
        $state = if ($csv.HiddenFrom -contains $Node) { [ClusterSharedVolumeStateInfo]::Unavailable } else { [ClusterSharedVolumeStateInfo]::Direct }
        [pscustomobject]@{ Name = $csv.Name; Node = $Node; StateInfo = $state; VolumeFriendlyName = $csv.Name }
    }
}

# Only what the fixture's Windows version has (Get-ClusterSharedVolumeState arrived in 2012 R2).
Export-ModuleMember -Function @('Get-Cluster', 'Get-ClusterNode', 'Get-ClusterGroup', 'Get-ClusterResource', 'Get-ClusterParameter',
    'Get-ClusterOwnerNode', 'Get-ClusterQuorum', 'Get-ClusterSharedVolume', 'Get-ClusterSharedVolumeState' | Where-Object { Test-FakeCommand $_ })
