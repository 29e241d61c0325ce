@{
    RootModule        = 'NetLbfo.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = 'ecc51e48-1da8-5fcf-9e4a-3ca8b47eb0ec'
    Description       = 'Test fake of the Windows NetLbfo module over a recorded host.'
    FunctionsToExport = @('Get-NetLbfoTeam')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
