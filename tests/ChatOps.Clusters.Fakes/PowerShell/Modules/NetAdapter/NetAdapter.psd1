@{
    RootModule        = 'NetAdapter.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '28981071-56d8-5259-8c30-a968afb5934f'
    Description       = 'Test fake of the Windows NetAdapter module over a recorded host.'
    FunctionsToExport = @('Get-NetAdapter')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
