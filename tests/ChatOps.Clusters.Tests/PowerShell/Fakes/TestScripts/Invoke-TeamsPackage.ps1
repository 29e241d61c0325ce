# Test script: runs deploy/teams/New-ChatOpsTeamsPackage.ps1 into a temporary zip and reports its entries and manifest.
param([Parameter(Mandatory)] [string] $Folder, [Parameter(Mandatory)] [string] $OutFile, [string] $BotAppId = '7a3c5e1f-2b4d-4f6a-8c0e-1d3f5a7b9c2e')
$ErrorActionPreference = 'Stop'
& (Join-Path $Folder 'New-ChatOpsTeamsPackage.ps1') -BotAppId $BotAppId -BotDomain 'bot.contoso.com' -OutFile $OutFile | Out-Null
Add-Type -AssemblyName System.IO.Compression.FileSystem
$zip = [System.IO.Compression.ZipFile]::OpenRead($OutFile)
try {
    $entry = $zip.GetEntry('manifest.json')
    $reader = [System.IO.StreamReader]::new($entry.Open())
    [ordered]@{ entries = @($zip.Entries | ForEach-Object { $_.FullName } | Sort-Object); manifest = $reader.ReadToEnd() } | ConvertTo-Json -Compress
    $reader.Dispose()
}
finally {
    $zip.Dispose()
}
