#Requires -RunAsAdministrator
#Requires -Version 5.1
<#
.SYNOPSIS
    Installs the ChatOps JEA endpoint on this cluster node. Run it on every node.
.DESCRIPTION
    1. Installs the ChatOpsJea module (this folder's ChatOpsJea: the six node functions and the
       'ChatOps' role capability in its RoleCapabilities folder) under Program Files\WindowsPowerShell\Modules:
       Administrators have full control; Local System and Users may only read and execute it.
    2. Registers the session configuration 'ChatOps' from ChatOps.pssc, with the bot's group as
       the only role member and, optionally, a group-managed service account instead of a
       virtual account; transcripts go to ProgramData\ChatOps\Transcripts (SYSTEM and Administrators only).
    3. Registers the scheduled task \ChatOps\ChatOps transcript rotation (daily, as SYSTEM) that deletes
       transcripts older than -TranscriptRetentionDays (default 30). Running this script again replaces it.
.EXAMPLE
    .\Register-ChatOpsJea.ps1 -BotGroup 'CONTOSO\ChatOps-Bot'
.EXAMPLE
    .\Register-ChatOpsJea.ps1 -BotGroup 'CONTOSO\ChatOps-Bot' -GroupManagedServiceAccount 'CONTOSO\gmsa-jea' -TranscriptRetentionDays 90
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The domain group holding the bot's service account (DOMAIN\Group).
    [Parameter(Mandatory)]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,62}\\[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$')]
    [string] $BotGroup,

    # Run sessions as this gMSA instead of a per-session virtual account: DOMAIN\name, with or without
    # the trailing '$' of its sAMAccountName. PowerShell adds the '$' itself, so it is passed on without it.
    [Parameter()]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,62}\\[A-Za-z0-9][A-Za-z0-9._-]{0,14}\$?$')]
    [string] $GroupManagedServiceAccount,

    # Transcripts older than this many days are deleted by a daily scheduled task (default 30).
    [Parameter()]
    [ValidateRange(1, 3650)]
    [int] $TranscriptRetentionDays = 30,

    # A code-signing certificate (with its private key) to sign the session configuration file this
    # script generates, where Group Policy sets the AllSigned execution policy (deploy/README.md).
    [Parameter()]
    [System.Security.Cryptography.X509Certificates.X509Certificate2] $SigningCertificate,

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

function ConvertTo-GmsaRunAsName([string] $Account) {
    # Register-PSSessionConfiguration appends '$' to the gMSA name itself, whether it comes from the
    # -GroupManagedServiceAccount parameter or, as here, from the .pssc: PowerShell's
    # src/System.Management.Automation/engine/remoting/commands/CustomShellCommands.cs,
    # CreateGMSAAccountCredentials: "string userName = gmsaAccount + "$";". The JEA docs write
    # GroupManagedServiceAccount = 'Domain\MyJEAGMSA' (session-configurations.md). Given 'DOMAIN\name$'
    # the endpoint would run as 'name$$', an account that does not exist, and every session would fail.
    $Account.TrimEnd('$')
}

function Set-ProtectedAcl([string] $Path, [hashtable] $Rights) {
    # Exactly these rules, inherited by everything below, and nothing inherited from the parent.
    $acl = New-Object System.Security.AccessControl.DirectorySecurity
    $acl.SetAccessRuleProtection($true, $false)
    foreach ($identity in $Rights.Keys) {
        $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($identity, $Rights[$identity], 'ContainerInherit,ObjectInherit', 'None', 'Allow')))
    }
    Set-Acl -LiteralPath $Path -AclObject $acl
}

# Only administrators may change what the endpoint runs. "Ensure Local System has read-only access to the
# role capability files and containing modules" (learn/remoting/jea/role-capabilities.md, "Updating role
# capabilities"): SYSTEM and Users may read and execute, nothing more. Local System's token also carries
# BUILTIN\Administrators (learn.microsoft.com, "LocalSystem account"), so this rule documents intent and
# removes SYSTEM's own write right; it cannot take away what SYSTEM holds as an administrator.
$moduleRights = @{
    'BUILTIN\Administrators' = 'FullControl'
    'NT AUTHORITY\SYSTEM'    = 'ReadAndExecute'
    'BUILTIN\Users'          = 'ReadAndExecute'
}

# Transcripts record every call and its output: SYSTEM (which writes them) and administrators only,
# never standard users (learn/remoting/jea/session-configurations.md).
$transcriptRights = @{
    'NT AUTHORITY\SYSTEM'    = 'FullControl'
    'BUILTIN\Administrators' = 'FullControl'
}

function Get-TranscriptRotationCommand([string] $Folder, [int] $Days) {
    # The task's whole program, given to powershell.exe -Command: no script file that anyone could change,
    # and not subject to the execution policy. Single quotes only: Task Scheduler hands the argument line
    # to powershell.exe, whose command-line parsing would strip double quotes. The endpoint starts each
    # session's transcript with Start-Transcript -OutputDirectory, which writes
    # PowerShell_transcript.<computer>.<random>.<time>.txt straight into the folder (PowerShell's
    # StartTranscriptCmdlet.cs and PSHostUserInterface.GetTranscriptPath); only those files are deleted.
    $literal = "'" + $Folder.Replace("'", "''") + "'"
    ('$limit = (Get-Date).AddDays(-{0}); ' -f $Days) +
    ("Get-ChildItem -LiteralPath $literal -Filter 'PowerShell_transcript.*' -Recurse -File | " + 'Where-Object { $_.LastWriteTime -lt $limit } | Remove-Item -Force')
}

if ($PSCmdlet.ShouldProcess($moduleRoot, 'Install the ChatOpsJea module and its role capability')) {
    if (Test-Path -LiteralPath $moduleRoot) { Remove-Item -LiteralPath $moduleRoot -Recurse -Force }
    Copy-Item -LiteralPath (Join-Path $PSScriptRoot 'ChatOpsJea') -Destination $moduleRoot -Recurse -Force
    Get-ChildItem -LiteralPath $moduleRoot -Recurse -File | Unblock-File
    Set-ProtectedAcl $moduleRoot $moduleRights
}

New-Item -ItemType Directory -Force -Path $transcripts | Out-Null
Set-ProtectedAcl $transcripts $transcriptRights

if ($PSCmdlet.ShouldProcess('\ChatOps\ChatOps transcript rotation', "Delete transcripts older than $TranscriptRetentionDays days, daily as SYSTEM")) {
    # -Force replaces the task a previous run registered, so running this script again changes the retention.
    $powershell = Join-Path $env:SystemRoot 'System32\WindowsPowerShell\v1.0\powershell.exe'
    $action = New-ScheduledTaskAction -Execute $powershell -Argument ('-NoProfile -NonInteractive -Command "{0}"' -f (Get-TranscriptRotationCommand $transcripts $TranscriptRetentionDays))
    $trigger = New-ScheduledTaskTrigger -Daily -At '03:17'
    $principal = New-ScheduledTaskPrincipal -UserId 'NT AUTHORITY\SYSTEM' -LogonType ServiceAccount -RunLevel Highest
    $taskSettings = New-ScheduledTaskSettingsSet -StartWhenAvailable -ExecutionTimeLimit (New-TimeSpan -Hours 1)
    Register-ScheduledTask -TaskName 'ChatOps transcript rotation' -TaskPath '\ChatOps\' -Action $action -Trigger $trigger -Principal $principal -Settings $taskSettings `
        -Description "Deletes ChatOps JEA transcripts older than $TranscriptRetentionDays days from $transcripts (Register-ChatOpsJea.ps1)." -Force | Out-Null
}

# The session configuration: ChatOps.pssc with this site's group (and account) filled in.
$settings = Import-PowerShellDataFile -LiteralPath (Join-Path $PSScriptRoot 'ChatOps.pssc')
$settings.Remove('GUID')
$settings.RoleDefinitions = @{ $BotGroup = @{ RoleCapabilities = 'ChatOps' } }
$settings.TranscriptDirectory = $transcripts
if ($GroupManagedServiceAccount) {
    $settings.Remove('RunAsVirtualAccount')
    $settings.GroupManagedServiceAccount = ConvertTo-GmsaRunAsName $GroupManagedServiceAccount
}

$file = Join-Path $env:TEMP "$Name.pssc"
New-PSSessionConfigurationFile -Path $file @settings
if (-not (Test-PSSessionConfigurationFile -Path $file)) {
    throw "The generated session configuration $file is not valid."
}
if ($SigningCertificate) {
    # Under an AllSigned Group Policy the registered .pssc is checked like a script when a session starts.
    $signature = Set-AuthenticodeSignature -LiteralPath $file -Certificate $SigningCertificate -HashAlgorithm SHA256
    if ($signature.Status -ne 'Valid') { throw "Signing $file failed: $($signature.Status) $($signature.StatusMessage)" }
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
