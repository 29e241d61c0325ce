@{
    RootModule        = 'ChatOpsFakeWindows.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '0f3f5f0e-5a31-4f2e-9d0d-2b1d6f7c9a11'
    Description       = 'Test fake of the Windows-only cmdlets the scripts use (CimCmdlets, NetAdapter, NetLbfo, NetTCPIP, DnsClient, Get-HotFix).'
    FunctionsToExport = @('Get-CimInstance', 'Invoke-CimMethod', 'Get-HotFix', 'Get-NetAdapter', 'Get-NetLbfoTeam', 'Get-NetIPAddress',
        'Resolve-DnsName', 'Get-DnsClientCache', 'Clear-DnsClientCache')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
