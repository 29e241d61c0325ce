@{
    RootModule        = 'ChatOpsFakeWindows.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '27f3342e-26e7-503a-a668-ab50f6603071'
    Description       = 'Test fake of the Windows ChatOpsFakeWindows module over a recorded host.'
    FunctionsToExport = @('Get-HotFix', 'Invoke-WmiMethod')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
