# Test fake: objects shaped like the real FailoverClusters ones, enums as real .NET enum values.
# Shapes follow learn.microsoft.com/powershell/module/failoverclusters (Get-ClusterNode, Get-ClusterGroup,
# Get-ClusterResource, Get-ClusterParameter, Get-ClusterQuorum, Get-ClusterSharedVolume,
# Get-ClusterSharedVolumeState) and the ClusterQuorumType enum: 2016 and later report 'Majority'.
# Votes: NodeWeight, DynamicWeight (Get-ClusterNode), DynamicQuorum and WitnessDynamicWeight (Get-Cluster),
# learn.microsoft.com "Configure and manage quorum" and the MSCS property pages; the recording sets them.
# Disks: the Physical Disk private properties (learn.microsoft.com "Physical Disk Private Properties"):
# DiskIdType 0 = MBR with DiskSignature, 1 = GPT with DiskIdGuid; an MBR disk's DiskIdGuid is an empty
# string (Get-ClusterResource example 3).
# Failing: with the node's cluster service stopped every cmdlet throws a statement-terminating
# ClusterCmdletException, ConnectionError, ClusterEndpointNotRegistered, "The cluster service is not
# running..." (seen in dataplat/dbachecks #314 and dpaulson45/HealthChecker #195; -ErrorAction
# SilentlyContinue does not hide it there, so it is terminating). RPC error 1753 (EPT_S_NOT_REGISTERED).
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

class ClusterCmdletException : System.Exception {
    ClusterCmdletException([string] $Message) : base($Message) { $this.HResult = -2147023143 }
}

function Assert-FakeClusterService([System.Management.Automation.PSCmdlet] $Cmdlet) {
    if (Test-FakeFault 'ClusterServiceStopped') {
        $exception = [ClusterCmdletException]::new("The cluster service is not running.  Make sure that the service is running on all nodes in the cluster.`r`n    There are no more endpoints available from the endpoint mapper")
        Stop-FakeCmdlet -Cmdlet $Cmdlet -Record (New-FakeErrorRecord -Exception $exception -ErrorId 'ClusterEndpointNotRegistered' -Category ConnectionError)
    }
}

enum ClusterNodeState { Unknown = -1; Up = 0; Down = 1; Paused = 2; Joining = 3 }
enum ClusterGroupState { Unknown = -1; Online = 0; Offline = 1; Failed = 2; PartialOnline = 3; Pending = 4 }
enum GroupType { Cluster = 1; AvailableStorage = 2; Temporary = 9999; VirtualMachine = 111; Unknown = 9998 }
enum ClusterQuorumType { NodeMajority = 0; NodeAndDiskMajority = 1; NodeAndFileShareMajority = 2; DiskOnly = 3; Majority = 4 }
enum ClusterSharedVolumeStateInfo { Unavailable = 0; Paused = 1; Direct = 2; FileSystemRedirected = 3; BlockRedirected = 4 }
# The redirect reasons are flags (learn.microsoft.com, clusapi CLUSTER_SHARED_VOLUME_STATE_INFO_EX:
# RedirectedIOReason UserRequest 0x1 ... ReFs 0x20; VolumeRedirectedIOReason NoDiskConnectivity 0x1,
# StorageSpaceNotAttached 0x2, VolumeReplicationEnabled 0x4); several read as "A, B".
[Flags()] enum FileSystemRedirectedIOReason { NotFileSystemRedirected = 0; UserRequest = 1; IncompatibleFileSystemFilter = 2; IncompatibleVolumeFilter = 4; FileSystemTiering = 8; BitLockerInitializing = 16; FileSystemReFs = 32 }
[Flags()] enum BlockRedirectedIOReason { NotBlockRedirected = 0; NoDiskConnectivity = 1; StorageSpaceNotAttached = 2; VolumeReplicationEnabled = 4 }

function New-FakeNode([string] $Name) {
    $node = @((Get-FakeCluster).Nodes | Where-Object { $_.Name -eq $Name })[0]
    # NodeWeight: the configured vote; DynamicWeight: the vote dynamic quorum gives it now (0 when down).
    # StatusInformation (Normal, Isolated, Quarantined; 2016 compute resiliency) and DrainStatus (NotInitiated,
    # InProgress, Completed, Failed) only where the recording has them, as older versions lack the properties.
    $result = [pscustomobject]@{
        Name = $Name; State = [ClusterNodeState]$node.State; Id = [string]([array]::IndexOf(@((Get-FakeCluster).Nodes.Name), $Name) + 1)
        NodeWeight = [uint32]$node.NodeWeight; DynamicWeight = [uint32]$node.DynamicWeight
    }
    foreach ($property in @('StatusInformation', 'DrainStatus')) {
        if ($node.ContainsKey($property)) { $result | Add-Member -NotePropertyName $property -NotePropertyValue ([string]$node[$property]) }
    }
    $result
}

function New-FakeResource([string] $Name, [string] $Type, [string] $Group, [string] $State = 'Online') {
    [pscustomobject]@{ Name = $Name; ResourceType = [pscustomobject]@{ Name = $Type }; OwnerGroup = [pscustomobject]@{ Name = $Group }; State = $State }
}

function Get-Cluster {
    [CmdletBinding()] param([string] $Name)
    Assert-FakeClusterService $PSCmdlet
    $cluster = (Get-FakeCluster).Cluster
    $properties = [ordered]@{ Name = $cluster.Name; Domain = 'contoso.local'; DynamicQuorum = [uint32]$cluster.DynamicQuorum; WitnessDynamicWeight = [uint32]$cluster.WitnessDynamicWeight }
    # ClusterFunctionalLevel and ClusterUpgradeFunctionalLevel exist from 2016 only: absent unless recorded.
    foreach ($name in 'ClusterFunctionalLevel', 'ClusterUpgradeFunctionalLevel') {
        if ($null -ne $cluster.$name) { $properties[$name] = [uint32]$cluster.$name }
    }
    [pscustomobject]$properties
}

function Get-ClusterNode {
    [CmdletBinding()] param([string] $Cluster)
    Assert-FakeClusterService $PSCmdlet
    foreach ($node in (Get-FakeCluster).Nodes) { New-FakeNode $node.Name }
}

function Get-ClusterGroup {
    [CmdletBinding()] param([string] $Cluster)
    Assert-FakeClusterService $PSCmdlet
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
    Assert-FakeClusterService $PSCmdlet
    foreach ($group in (Get-FakeCluster).Groups) { New-FakeResource "Virtual Machine $($group.Name)" 'Virtual Machine' $group.Name }
    $quorum = (Get-FakeCluster).Quorum
    if ($quorum.Resource) { New-FakeResource $quorum.Resource.Name $quorum.Resource.ResourceType 'Cluster Group' $(if ($quorum.Resource.State) { $quorum.Resource.State } else { 'Online' }) }
    foreach ($disk in (Get-FakeCluster).Disks) { New-FakeResource $disk.Name 'Physical Disk' 'Available Storage' $(if ($disk.State) { $disk.State } else { 'Online' }) }
}

function Get-FakePrivateProperties($Resource) {
    # The resource's private properties by name, as Get-ClusterParameter lists them.
    switch ([string]$Resource.ResourceType.Name) {
        'Virtual Machine' { return [ordered]@{ VmID = ((Get-FakeCluster).Groups | Where-Object { $_.Name -eq $Resource.OwnerGroup.Name }).VmId } }
        'File Share Witness' { return [ordered]@{ SharePath = (Get-FakeCluster).Quorum.Resource.SharePath } }
        'Cloud Witness' { return [ordered]@{ AccountName = (Get-FakeCluster).Quorum.Resource.AccountName; EndpointInfo = 'core.windows.net' } }
        'Physical Disk' {
            $disk = @((Get-FakeCluster).Disks | Where-Object { $_.Name -eq $Resource.Name })[0]
            if ($disk.DiskSignature) { return [ordered]@{ DiskIdType = [uint32]0; DiskSignature = [uint32]$disk.DiskSignature; DiskIdGuid = ''; MaintenanceMode = [uint32]0 } }
            return [ordered]@{ DiskIdType = [uint32]1; DiskSignature = [uint32]0; DiskIdGuid = "{$($disk.DiskIdGuid)}"; MaintenanceMode = [uint32]0 }
        }
    }
    return [ordered]@{}
}

function Get-ClusterParameter {
    # Without -Name: every private property of the object; with it, the named ones (a name the object
    # does not have is an error, written as a non-terminating one).
    [CmdletBinding()] param([Parameter(ValueFromPipeline)] $InputObject, [Parameter(Position = 0)] [string[]] $Name, [string] $Cluster)
    process {
        Assert-FakeClusterService $PSCmdlet
        $properties = Get-FakePrivateProperties $InputObject
        foreach ($key in @(if ($Name) { $Name } else { $properties.Keys })) {
            if (-not $properties.Contains($key)) {
                $exception = [System.Management.Automation.ItemNotFoundException]::new("The parameter '$key' does not exist on the cluster object '$($InputObject.Name)'.")
                Write-FakeError -Cmdlet $PSCmdlet -Record (New-FakeErrorRecord -Exception $exception -ErrorId 'InvalidParameter' -Category ObjectNotFound -Target $key)
                continue
            }
            $value = $properties[$key]
            [pscustomobject]@{ ClusterObject = $InputObject; Name = $key; Value = $value; Type = $(if ($value -is [uint32]) { 'UInt32' } else { 'String' }) }
        }
    }
}

function Get-ClusterOwnerNode {
    [CmdletBinding()] param($Group, [string] $Cluster)
    Assert-FakeClusterService $PSCmdlet
    $record = (Get-FakeCluster).Groups | Where-Object { $_.Name -eq $Group.Name }
    [pscustomobject]@{ ClusterObject = $Group; OwnerNodes = @($record.PreferredOwners | ForEach-Object { New-FakeNode $_ }) }
}

function Get-ClusterQuorum {
    [CmdletBinding()] param([string] $Cluster)
    Assert-FakeClusterService $PSCmdlet
    $quorum = (Get-FakeCluster).Quorum
    [pscustomobject]@{
        Cluster        = (Get-FakeCluster).Cluster.Name
        QuorumResource = if ($quorum.Resource) { New-FakeResource $quorum.Resource.Name $quorum.Resource.ResourceType 'Cluster Group' $(if ($quorum.Resource.State) { $quorum.Resource.State } else { 'Online' }) } else { $null }
        QuorumType     = [ClusterQuorumType]$quorum.QuorumType
    }
}

function Get-ClusterSharedVolume {
    [CmdletBinding()] param([string] $Cluster)
    Assert-FakeClusterService $PSCmdlet
    foreach ($csv in (Get-FakeCluster).SharedVolumes) {
        # A failed CSV: what SharedVolumeInfo holds then is not documented; the fake gives none.
        $state = if ($csv.State) { [string]$csv.State } else { 'Online' }
        [pscustomobject]@{
            Name             = $csv.Name
            State            = $state
            SharedVolumeInfo = @(if ($state -eq 'Online') {
                    [pscustomobject]@{
                        FriendlyVolumeName = $csv.Path
                        Partition          = [pscustomobject]@{ Name = "\\?\Volume{$($csv.VolumeGuid)}\"; Size = [long]$csv.Size; FreeSpace = [long]($csv.Size / 2) }
                    }
                })
        }
    }
}

function Get-ClusterSharedVolumeState {
    [CmdletBinding()] param([string] $Node, [string] $Cluster)
    Assert-FakeClusterService $PSCmdlet
    foreach ($csv in (Get-FakeCluster).SharedVolumes) {
        # A node's own state when the fixture gives one (Access.<node>: StateInfo and reasons as names).
        $access = if ($csv.Access) { $csv.Access.$Node } else { $null }
        $state = if ($csv.HiddenFrom -contains $Node) { [ClusterSharedVolumeStateInfo]::Unavailable }
        elseif ($access) { [ClusterSharedVolumeStateInfo]$access.StateInfo }
        else { [ClusterSharedVolumeStateInfo]::Direct }
        [pscustomobject]@{
            Name                         = $csv.Name
            Node                         = $Node
            StateInfo                    = $state
            VolumeFriendlyName           = $csv.Name
            FileSystemRedirectedIOReason = [FileSystemRedirectedIOReason]$(if ($access.FileSystemRedirectedIOReason) { $access.FileSystemRedirectedIOReason } else { 0 })
            BlockRedirectedIOReason      = [BlockRedirectedIOReason]$(if ($access.BlockRedirectedIOReason) { $access.BlockRedirectedIOReason } else { 0 })
        }
    }
}

# Only what the fixture's Windows version has (Get-ClusterSharedVolumeState arrived in 2012 R2).
Export-ModuleMember -Function @('Get-Cluster', 'Get-ClusterNode', 'Get-ClusterGroup', 'Get-ClusterResource', 'Get-ClusterParameter',
    'Get-ClusterOwnerNode', 'Get-ClusterQuorum', 'Get-ClusterSharedVolume', 'Get-ClusterSharedVolumeState' | Where-Object { Test-FakeCommand $_ })
