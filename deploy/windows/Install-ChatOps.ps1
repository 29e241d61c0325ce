#Requires -RunAsAdministrator
#Requires -Version 5.1
<#
.SYNOPSIS
    Installs (or updates) the ChatOps bot host as a Windows service.
.DESCRIPTION
    Copies a 'dotnet publish' folder to the install folder, creates the data folder with an ACL for
    the service account only, registers the 'ChatOps' event log source, and creates the service
    (automatic start, restart on failure) running as a group-managed service account or the
    service's virtual account, and checks that the service really runs as that account.
    The bot's secret (-MicrosoftAppPassword) goes into appsettings.Production.json in the install
    folder, which only SYSTEM, Administrators and the service account can read (inheritance off);
    an update never overwrites that file, so the secret survives it. It is not encrypted at rest:
    for that use a certificate credential or a vault (deploy/README.md).
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
    [string] $Environment = 'Production',

    # The Azure Bot's app id and client secret; given once, kept across updates.
    [Parameter()]
    [ValidatePattern('^$|^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$')]
    [string] $MicrosoftAppId = '',

    [Parameter()]
    [SecureString] $MicrosoftAppPassword
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

function Invoke-Native {
    # Windows PowerShell 5.1 drops empty-string arguments to native programs (PowerShell #6280): pass none,
    # and check the exit code of every call.
    param([Parameter(Mandatory)] [string] $FilePath, [Parameter(Mandatory)] [string[]] $ArgumentList)
    # Under 'Stop' a native program's first stderr line would end the script before its exit code is read.
    $ErrorActionPreference = 'Continue'
    $output = & $FilePath @ArgumentList 2>&1
    if ($LASTEXITCODE -ne 0) { throw "$FilePath $($ArgumentList -join ' ') failed ($LASTEXITCODE): $output" }
}

if ($PSCmdlet.ShouldProcess($ServiceName, "Run as $account, restart on failure, set environment")) {
    if ($ServiceAccount -and (Get-Command -Name Test-ADServiceAccount -ErrorAction Ignore) -and -not (Test-ADServiceAccount -Identity $ServiceAccount.Split('\')[1].TrimEnd('$'))) {
        throw "This host may not use ${ServiceAccount}: add it to the gMSA's PrincipalsAllowedToRetrieveManagedPassword and install it (Install-ADServiceAccount)."
    }

    # A gMSA or virtual account has no password: sc.exe gets none (not an empty one).
    Invoke-Native sc.exe @('config', $ServiceName, 'obj=', $account)
    Invoke-Native sc.exe @('failure', $ServiceName, 'reset=', '86400', 'actions=', 'restart/10000/restart/30000/restart/60000')
    # Stopping needs no setting here: on Stop-Service the service waits its own shutdown timeout, which it sets
    # to ChatOps:Turns:DrainTimeout + ChatOps:Actions:ExecuteTimeout + 10 s (90 s by default), so a running safe
    # action finishes and is reported; messages not yet handled are stored and answered at the next start. At a
    # Windows restart, Windows waits only WaitToKillServiceTimeout for services: an action cut off then is
    # reported Interrupted at the next start, never run again.
    $startName = (Get-CimInstance -ClassName Win32_Service -Filter "Name='$ServiceName'").StartName
    if ($startName -ne $account) { throw "Service $ServiceName runs as '$startName', not $account; the logon account was not applied." }

    # Keep what an administrator added to the service's environment; replace only our own keys.
    $key = "HKLM:\SYSTEM\CurrentControlSet\Services\$ServiceName"
    $ours = [ordered]@{ ASPNETCORE_ENVIRONMENT = $Environment; ChatOps__Storage__Path = (Join-Path $DataPath 'chatops.db') }
    $existing = @((Get-ItemProperty -LiteralPath $key -Name Environment -ErrorAction Ignore).Environment | Where-Object { $_ -and $ours.Keys -notcontains $_.Split('=')[0] })
    $environment = @($existing) + @($ours.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" })
    Set-ItemProperty -LiteralPath $key -Name Environment -Type MultiString -Value $environment
}

# .NET's file methods resolve a relative path against the process's folder, not PowerShell's location.
$settingsFile = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath((Join-Path $InstallPath 'appsettings.Production.json'))
# UTF-8 without a BOM, read and written explicitly: Windows PowerShell 5.1's Get-Content reads a file without
# a BOM as ANSI, garbling non-ASCII settings, and has no -Encoding utf8NoBOM (about_Character_Encoding).
# ReadAllText still honours a BOM when the file has one.
$utf8 = New-Object System.Text.UTF8Encoding($false)
if (($MicrosoftAppId -or $MicrosoftAppPassword) -and $PSCmdlet.ShouldProcess($settingsFile, 'Store the bot credentials')) {
    $settings = if (Test-Path -LiteralPath $settingsFile) { [System.IO.File]::ReadAllText($settingsFile, $utf8) | ConvertFrom-Json } else { [pscustomobject]@{} }
    if ($MicrosoftAppId) { $settings | Add-Member -NotePropertyName MicrosoftAppId -NotePropertyValue $MicrosoftAppId -Force }
    if ($MicrosoftAppPassword) {
        $plain = [System.Net.NetworkCredential]::new('', $MicrosoftAppPassword).Password
        $settings | Add-Member -NotePropertyName MicrosoftAppPassword -NotePropertyValue $plain -Force
    }
    # Write the file empty first, lock it down, then fill it, so the secret is never readable by others.
    [System.IO.File]::WriteAllText($settingsFile, '{}', $utf8)
    $fileAcl = New-Object System.Security.AccessControl.FileSecurity
    $fileAcl.SetAccessRuleProtection($true, $false)
    foreach ($identity in 'NT AUTHORITY\SYSTEM', 'BUILTIN\Administrators') {
        $fileAcl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($identity, 'FullControl', 'Allow')))
    }
    $fileAcl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($account, 'Read', 'Allow')))
    Set-Acl -LiteralPath $settingsFile -AclObject $fileAcl
    [System.IO.File]::WriteAllText($settingsFile, ($settings | ConvertTo-Json -Depth 10), $utf8)
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
    try {
        Start-Service -Name $ServiceName
    }
    catch {
        # 1069: the account may not log on as a service. sc.exe does not grant that right (services.msc does).
        throw "Service $ServiceName did not start as ${account}: $($_.Exception.Message) If the reason is a logon failure, grant $account 'Log on as a service' (Group Policy: Computer Configuration > Windows Settings > Security Settings > Local Policies > User Rights Assignment)."
    }
    Write-Output "Service $ServiceName runs as $account from $InstallPath; data in $DataPath."
    Write-Output "Check it: Get-EventLog -LogName Application -Source $ServiceName -Newest 20"
}
