#Requires -RunAsAdministrator
#Requires -Version 5.1
<#
.SYNOPSIS
    Installs the ChatOps JEA endpoint on this cluster node. Run it on every node.
.DESCRIPTION
    1. Installs the ChatOpsJea module (this folder's ChatOpsJea: the six node functions and the
       'ChatOps' role capability in its RoleCapabilities folder) under Program Files\WindowsPowerShell\Modules,
       writable by administrators only.
    2. Registers the session configuration 'ChatOps' from ChatOps.pssc, with the bot's group as
       the only role member and, optionally, a group-managed service account instead of a
       virtual account; transcripts go to ProgramData\ChatOps\Transcripts.
.EXAMPLE
    .\Register-ChatOpsJea.ps1 -BotGroup 'CONTOSO\ChatOps-Bot'
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The domain group holding the bot's service account (DOMAIN\Group).
    [Parameter(Mandatory)]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,62}\\[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$')]
    [string] $BotGroup,

    # Run sessions as this gMSA (DOMAIN\name$) instead of a per-session virtual account.
    [Parameter()]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,62}\\[A-Za-z0-9][A-Za-z0-9._-]{0,14}\$$')]
    [string] $GroupManagedServiceAccount,

    # The endpoint name the bot's ChatOps:PowerShell:ConfigurationName points at.
    [Parameter()]
    [ValidatePattern('^[A-Za-z][A-Za-z0-9.]{0,63}$')]
    [string] $Name = 'ChatOps'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

# JEA looks for role capabilities under the 64-bit Program Files; a 32-bit PowerShell would install elsewhere.
if (-not [Environment]::Is64BitProcess) { throw 'Run this from 64-bit Windows PowerShell (not the x86 console).' }

$programFiles = [Environment]::GetFolderPath('ProgramFiles')
$moduleRoot = Join-Path $programFiles 'WindowsPowerShell\Modules\ChatOpsJea'
$transcripts = Join-Path $env:ProgramData 'ChatOps\Transcripts'

function Set-AdminOnlyAcl([string] $Path) {
    # Only SYSTEM and Administrators may change what the endpoint runs; everyone else may read.
    $acl = New-Object System.Security.AccessControl.DirectorySecurity
    $acl.SetAccessRuleProtection($true, $false)
    foreach ($identity in 'NT AUTHORITY\SYSTEM', 'BUILTIN\Administrators') {
        $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($identity, 'FullControl', 'ContainerInherit,ObjectInherit', 'None', 'Allow')))
    }
    $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule('BUILTIN\Users', 'ReadAndExecute', 'ContainerInherit,ObjectInherit', 'None', 'Allow')))
    Set-Acl -LiteralPath $Path -AclObject $acl
}

if ($PSCmdlet.ShouldProcess($moduleRoot, 'Install the ChatOpsJea module and its role capability')) {
    if (Test-Path -LiteralPath $moduleRoot) { Remove-Item -LiteralPath $moduleRoot -Recurse -Force }
    Copy-Item -LiteralPath (Join-Path $PSScriptRoot 'ChatOpsJea') -Destination $moduleRoot -Recurse -Force
    Get-ChildItem -LiteralPath $moduleRoot -Recurse -File | Unblock-File
    Set-AdminOnlyAcl $moduleRoot
}

# Transcripts record every call and its output: SYSTEM and administrators only, never standard users
# (learn/remoting/jea/session-configurations.md).
New-Item -ItemType Directory -Force -Path $transcripts | Out-Null
$transcriptAcl = New-Object System.Security.AccessControl.DirectorySecurity
$transcriptAcl.SetAccessRuleProtection($true, $false)
foreach ($identity in 'NT AUTHORITY\SYSTEM', 'BUILTIN\Administrators') {
    $transcriptAcl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($identity, 'FullControl', 'ContainerInherit,ObjectInherit', 'None', 'Allow')))
}
Set-Acl -LiteralPath $transcripts -AclObject $transcriptAcl

# The session configuration: ChatOps.pssc with this site's group (and account) filled in.
$settings = Import-PowerShellDataFile -LiteralPath (Join-Path $PSScriptRoot 'ChatOps.pssc')
$settings.Remove('GUID')
$settings.RoleDefinitions = @{ $BotGroup = @{ RoleCapabilities = 'ChatOps' } }
$settings.TranscriptDirectory = $transcripts
if ($GroupManagedServiceAccount) {
    $settings.Remove('RunAsVirtualAccount')
    $settings.GroupManagedServiceAccount = $GroupManagedServiceAccount
}

$file = Join-Path $env:TEMP "$Name.pssc"
New-PSSessionConfigurationFile -Path $file @settings
if (-not (Test-PSSessionConfigurationFile -Path $file)) {
    throw "The generated session configuration $file is not valid."
}

if ($PSCmdlet.ShouldProcess($Name, 'Register the JEA endpoint (restarts WinRM)')) {
    # WinRM restarts once, at the end: a session that runs this script (Invoke-Command) survives until then.
    if (Get-PSSessionConfiguration -Name $Name -ErrorAction SilentlyContinue) {
        Unregister-PSSessionConfiguration -Name $Name -Force -NoServiceRestart
    }
    Register-PSSessionConfiguration -Name $Name -Path $file -Force -NoServiceRestart | Out-Null
    Remove-Item -LiteralPath $file -Force
    Write-Output "Endpoint '$Name' registered on $env:COMPUTERNAME for $BotGroup; WinRM restarts now. Test it with:"
    Write-Output "  .\Test-ChatOpsJea.ps1 -Credential (Get-Credential)"
    Restart-Service -Name WinRM -Force
}
else {
    Remove-Item -LiteralPath $file -Force
}
