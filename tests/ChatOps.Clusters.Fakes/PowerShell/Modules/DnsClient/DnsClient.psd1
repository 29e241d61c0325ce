@{
    RootModule        = 'DnsClient.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = 'b139cbee-9ca2-5ed0-a19f-496525aec742'
    Description       = 'Test fake of the Windows DnsClient module over a recorded host.'
    FunctionsToExport = @('Resolve-DnsName', 'Get-DnsClientCache', 'Get-DnsClientServerAddress', 'Clear-DnsClientCache')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
