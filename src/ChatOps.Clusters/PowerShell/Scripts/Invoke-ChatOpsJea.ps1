<#
.SYNOPSIS
    Runs one ChatOps command on a node through the node's JEA endpoint and relays its JSON.
.DESCRIPTION
    The bot host talks to each node itself (no second hop, so no CredSSP). The JEA endpoint runs
    in NoLanguage mode, so the command is called through implicit remoting (Import-PSSession):
    a command name and bound parameters, never script text. The endpoint's wrapper functions
    validate every parameter again on the node. Writes the node's JSON document to stdout; on
    failure one JSON error to stderr and exit code 2.
#>
[CmdletBinding()]
param(
    # The node to connect to (or the cluster name, for the cluster view).
    [Parameter(Mandatory)]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
    [string] $ComputerName,

    # The JEA session configuration registered by Register-ChatOpsJea.ps1.
    [Parameter(Mandatory)]
    [ValidatePattern('^[A-Za-z][A-Za-z0-9.]{0,63}$')]
    [string] $ConfigurationName,

    # The wrapper function to call: one per probe and per safe action.
    [Parameter(Mandatory)]
    [ValidateSet('Get-ChatOpsClusterView', 'Get-ChatOpsNodeInventory', 'Stop-ChatOpsClusterService',
        'Stop-ChatOpsVmWorker', 'Clear-ChatOpsDnsCache', 'Remove-ChatOpsStaleLink')]
    [string] $Command,

    [Parameter()]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
    [string] $NodeName,

    [Parameter()]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.,-]{0,4000}$')]
    [string] $PeerNodes,

    [Parameter()]
    [ValidatePattern('^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$')]
    [string] $VmId,

    [Parameter()]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
    [string] $ClusterName
)

. (Join-Path $PSScriptRoot 'ChatOps.Common.ps1')

$session = $null
try {
    try {
        $session = New-PSSession -ComputerName $ComputerName -ConfigurationName $ConfigurationName
    }
    catch {
        $kind = if ($_.Exception.Message -match 'Access is denied') { 'AccessDenied' } else { 'Unreachable' }
        Exit-ChatOpsError -Kind $kind -Message "$ComputerName ($ConfigurationName): $($_.Exception.Message)"
    }

    $arguments = @{}
    foreach ($name in @('NodeName', 'PeerNodes', 'VmId', 'ClusterName')) {
        if ($PSBoundParameters.ContainsKey($name)) { $arguments[$name] = $PSBoundParameters[$name] }
    }

    $module = Import-PSSession -Session $session -CommandName $Command -AllowClobber -DisableNameChecking
    try {
        $output = & $Command @arguments
    }
    finally {
        Remove-Module -ModuleInfo $module -Force -ErrorAction SilentlyContinue
    }
    Write-Output (@($output) -join "`n")
}
catch {
    Exit-ChatOpsFailure -Record $_
}
finally {
    if ($session) { Remove-PSSession -Session $session -ErrorAction SilentlyContinue }
}
