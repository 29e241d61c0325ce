@{
    RootModule        = 'Microsoft.PowerShell.Diagnostics.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '5f0d9c3e-7a43-4f4b-9c1e-2b6f0c8e1d47'
    Description       = 'Test fake of Get-WinEvent (Windows PowerShell''s Microsoft.PowerShell.Diagnostics) over a recorded host.'
    FunctionsToExport = @('Get-WinEvent')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
