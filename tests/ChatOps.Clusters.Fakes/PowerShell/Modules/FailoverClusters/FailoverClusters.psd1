@{
    RootModule        = 'FailoverClusters.psm1'
    ModuleVersion     = '2.0.0.0'
    GUID              = '4a8f3c43-6bba-4ae9-9cb6-2f5b1c1c6f01'
    Description       = 'Test fake of the FailoverClusters module: the real cmdlet names over a recorded cluster.'
    FunctionsToExport = @('Get-Cluster', 'Get-ClusterNode', 'Get-ClusterGroup', 'Get-ClusterResource', 'Get-ClusterParameter',
        'Get-ClusterOwnerNode', 'Get-ClusterQuorum', 'Get-ClusterSharedVolume', 'Get-ClusterSharedVolumeState')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
