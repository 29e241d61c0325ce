@{
    # The ChatOps node module: the JEA role capability (RoleCapabilities\ChatOps.psrc) and the six
    # functions it exposes. Register-ChatOpsJea.ps1 installs this folder, writable by administrators
    # only, under Program Files\WindowsPowerShell\Modules, where JEA looks for role capabilities.
    RootModule        = 'ChatOpsJea.psm1'
    ModuleVersion     = '2.0.0'
    GUID              = '8e1c4a52-93d7-4f0b-a6e4-5c2d9b7f1a38'
    Author            = 'ChatOps'
    Description       = 'ChatOps bot: read-only cluster probes and four confirmed safe actions, run through the ChatOps JEA endpoint.'
    PowerShellVersion = '5.1'
    FunctionsToExport = @(
        'Get-ChatOpsClusterView'
        'Get-ChatOpsNodeInventory'
        'Stop-ChatOpsClusterService'
        'Stop-ChatOpsVmWorker'
        'Clear-ChatOpsDnsCache'
        'Remove-ChatOpsStaleLink'
        'Get-ChatOpsClusterEvents'
    )
    CmdletsToExport   = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
