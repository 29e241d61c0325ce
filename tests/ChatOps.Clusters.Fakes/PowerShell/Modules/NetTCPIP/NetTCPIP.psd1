@{
    RootModule        = 'NetTCPIP.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '74cc847a-f351-5d10-b51d-983669051e9b'
    Description       = 'Test fake of the Windows NetTCPIP module over a recorded host.'
    FunctionsToExport = @('Get-NetIPAddress')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
