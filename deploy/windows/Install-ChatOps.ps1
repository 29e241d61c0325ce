#Requires -RunAsAdministrator
<#
.SYNOPSIS
    Installs (or updates) the ChatOps bot host as a Windows service.
.DESCRIPTION
    Copies a 'dotnet publish' folder to the install folder, creates the data folder with an ACL for
    the service account only, registers the 'ChatOps' event log source, and creates the service
    (automatic start, restart on failure) running as a group-managed service account or the
    service's virtual account. Secrets are not handled here: put MicrosoftAppPassword in the
    service's environment (see deploy/README.md) or use a certificate.
.EXAMPLE
    dotnet publish src/ChatOps.Bot -c Release -r win-x64 --self-contained -o C:\Temp\chatops
    .\Install-ChatOps.ps1 -PublishPath C:\Temp\chatops -ServiceAccount 'CONTOSO\gmsa-chatops$'
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # Output of dotnet publish for src/ChatOps.Bot.
    [Parameter(Mandatory)]
    [ValidateScript({ Test-Path -LiteralPath (Join-Path $_ 'ChatOps.Bot.exe') })]
    [string] $PublishPath,

    # Where the application goes.
    [Parameter()]
    [string] $InstallPath = (Join-Path ([Environment]::GetFolderPath('ProgramFiles')) 'ChatOps\app'),

    # Where the LiteDB file (audit, confirmations, subscriptions, snapshots) lives.
    [Parameter()]
    [string] $DataPath = (Join-Path $env:ProgramData 'ChatOps\data'),

    # A gMSA (DOMAIN\name$, must be a member of the JEA endpoint's bot group) or empty for the
    # service's virtual account NT SERVICE\ChatOps (then grant the computer account instead).
    [Parameter()]
    [ValidatePattern('^$|^[A-Za-z0-9][A-Za-z0-9.-]{0,62}\\[A-Za-z0-9][A-Za-z0-9._-]{0,14}\$$')]
    [string] $ServiceAccount = '',

    [Parameter()]
    [ValidatePattern('^[A-Za-z][A-Za-z0-9]{0,63}$')]
    [string] $ServiceName = 'ChatOps',

    # ASP.NET Core environment; Production refuses to start without bot credentials.
    [Parameter()]
    [ValidateSet('Production', 'Staging')]
    [string] $Environment = 'Production'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$account = if ($ServiceAccount) { $ServiceAccount } else { "NT SERVICE\$ServiceName" }
$existing = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($existing -and $existing.Status -ne 'Stopped' -and $PSCmdlet.ShouldProcess($ServiceName, 'Stop the running service')) {
    Stop-Service -Name $ServiceName -Force
}

if ($PSCmdlet.ShouldProcess($InstallPath, 'Copy the application')) {
    New-Item -ItemType Directory -Force -Path $InstallPath | Out-Null
    # appsettings.Production.json is the site's own file: never overwritten by an update.
    Get-ChildItem -LiteralPath $PublishPath | Where-Object { $_.Name -ne 'appsettings.Production.json' -or -not (Test-Path -LiteralPath (Join-Path $InstallPath $_.Name)) } |
        Copy-Item -Destination $InstallPath -Recurse -Force
}

if (-not $existing -and $PSCmdlet.ShouldProcess($ServiceName, 'Create the service')) {
    New-Service -Name $ServiceName -DisplayName 'ChatOps bot for Hyper-V clusters' -StartupType Automatic `
        -BinaryPathName ('"{0}"' -f (Join-Path $InstallPath 'ChatOps.Bot.exe')) `
        -Description 'Answers on-call admins in Teams from live probes of the Hyper-V cluster nodes.' | Out-Null
}

if ($PSCmdlet.ShouldProcess($ServiceName, "Run as $account, restart on failure, set environment")) {
    # A gMSA or virtual account has no password to give.
    & sc.exe config $ServiceName obj= $account password= '' | Out-Null
    & sc.exe failure $ServiceName reset= 86400 actions= restart/10000/restart/30000/restart/60000 | Out-Null
    $environment = @("ASPNETCORE_ENVIRONMENT=$Environment", "ChatOps__Storage__Path=$(Join-Path $DataPath 'chatops.db')")
    Set-ItemProperty -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$ServiceName" -Name Environment -Type MultiString -Value $environment
}

if ($PSCmdlet.ShouldProcess($DataPath, "Create the data folder for $account only")) {
    New-Item -ItemType Directory -Force -Path $DataPath | Out-Null
    $acl = New-Object System.Security.AccessControl.DirectorySecurity
    $acl.SetAccessRuleProtection($true, $false)
    $inherit = 'ContainerInherit,ObjectInherit'
    $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule('NT AUTHORITY\SYSTEM', 'FullControl', $inherit, 'None', 'Allow')))
    $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule('BUILTIN\Administrators', 'FullControl', $inherit, 'None', 'Allow')))
    $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($account, 'Modify', $inherit, 'None', 'Allow')))
    Set-Acl -LiteralPath $DataPath -AclObject $acl
}

if (-not [System.Diagnostics.EventLog]::SourceExists($ServiceName) -and $PSCmdlet.ShouldProcess($ServiceName, 'Register the event log source')) {
    New-EventLog -LogName Application -Source $ServiceName
}

if ($PSCmdlet.ShouldProcess($ServiceName, 'Start the service')) {
    Start-Service -Name $ServiceName
    Write-Output "Service $ServiceName runs as $account from $InstallPath; data in $DataPath."
    Write-Output "Check it: Get-EventLog -LogName Application -Source $ServiceName -Newest 20"
}
