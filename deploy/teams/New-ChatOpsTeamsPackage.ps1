<#
.SYNOPSIS
    Fills in the Teams app manifest and zips the app package to upload in Teams (Apps > Manage
    your apps > Upload an app) or the Teams admin center.
.EXAMPLE
    ./New-ChatOpsTeamsPackage.ps1 -BotAppId 00000000-0000-0000-0000-000000000000 -BotDomain chatops.contoso.com
#>
[CmdletBinding()]
param(
    # The bot's Microsoft Entra app id (the Azure Bot's msaAppId, also MicrosoftAppId in the bot's settings).
    [Parameter(Mandatory)]
    [ValidatePattern('^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$')]
    [string] $BotAppId,

    # The host name of the bot's public HTTPS endpoint (no scheme, no path).
    [Parameter(Mandatory)]
    [ValidatePattern('^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$')]
    [string] $BotDomain,

    # The Teams app id; keep it stable across versions of the package. Default: the bot's app id.
    [Parameter()]
    [ValidatePattern('^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$')]
    [string] $TeamsAppId = $BotAppId,

    # Where the package goes.
    [Parameter()]
    [string] $OutFile = (Join-Path (Get-Location) 'chatops-teams.zip'),

    # Public pages shown on the app's details in Teams. Default: the bot's own site.
    [Parameter()] [ValidatePattern('^https://')] [string] $WebsiteUrl = "https://$BotDomain/",
    [Parameter()] [ValidatePattern('^https://')] [string] $PrivacyUrl = "https://$BotDomain/privacy",
    [Parameter()] [ValidatePattern('^https://')] [string] $TermsUrl = "https://$BotDomain/terms"
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$values = @{
    TEAMS_APP_ID = $TeamsAppId.ToLowerInvariant()
    BOT_APP_ID   = $BotAppId.ToLowerInvariant()
    BOT_DOMAIN   = $BotDomain.ToLowerInvariant()
    WEBSITE_URL  = $WebsiteUrl
    PRIVACY_URL  = $PrivacyUrl
    TERMS_URL    = $TermsUrl
}

# UTF-8 without a BOM both ways, the same in Windows PowerShell 5.1 (whose Get-Content reads a file without
# a BOM as ANSI and has no -Encoding utf8NoBOM) and PowerShell 7.
$utf8 = New-Object System.Text.UTF8Encoding($false)
$manifest = [System.IO.File]::ReadAllText((Join-Path $PSScriptRoot 'manifest.json'), $utf8)
foreach ($key in $values.Keys) {
    $manifest = $manifest.Replace('${{' + $key + '}}', $values[$key])
}
if ($manifest -match '\$\{\{[A-Z_]+\}\}') {
    throw "manifest.json still has a placeholder: $($Matches[0])"
}

$staging = Join-Path ([IO.Path]::GetTempPath()) ("chatops-teams-" + [guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $staging | Out-Null
try {
    [System.IO.File]::WriteAllText((Join-Path $staging 'manifest.json'), $manifest, $utf8)
    Copy-Item -LiteralPath (Join-Path $PSScriptRoot 'color.png'), (Join-Path $PSScriptRoot 'outline.png') -Destination $staging
    # Teams wants the three files at the root of the zip.
    Compress-Archive -Path (Join-Path $staging '*') -DestinationPath $OutFile -Force
    Write-Output "Teams app package: $OutFile"
}
finally {
    Remove-Item -LiteralPath $staging -Recurse -Force
}
