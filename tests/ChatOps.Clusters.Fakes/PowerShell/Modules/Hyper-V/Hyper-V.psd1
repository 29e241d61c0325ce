@{
    RootModule        = 'Hyper-V.psm1'
    ModuleVersion     = '2.0.0.0'
    GUID              = 'af4bddd0-8583-4ff2-84b2-a33f5c8de8a7'
    Description       = 'Test fake of the Hyper-V module: the real cmdlet names over a recorded host.'
    FunctionsToExport = @('Get-VM', 'Get-VMNetworkAdapter', 'Get-VMIntegrationService', 'Get-VMProcessor', 'Get-VMSwitchTeam')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
