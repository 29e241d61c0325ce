@{
    RootModule        = 'Storage.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = 'aa8d7432-9244-585b-93a6-b6d66aa29745'
    Description       = 'Test fake of the Windows Storage module over a recorded host.'
    FunctionsToExport = @('Get-Disk')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
