@{
    RootModule        = 'CimCmdlets.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '7201c17c-2c40-5c5b-a0a6-5a77f47fc21a'
    Description       = 'Test fake of the Windows CimCmdlets module over a recorded host.'
    FunctionsToExport = @('Get-CimInstance', 'Get-CimAssociatedInstance', 'Invoke-CimMethod')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
