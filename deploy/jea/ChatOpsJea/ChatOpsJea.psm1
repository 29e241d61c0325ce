# The ChatOps node module. Each public function is one probe or one safe action, called by the bot
# through the JEA endpoint with AddCommand/AddParameter. Functions of a module imported by a role
# capability run in the module's own language mode (FullLanguage, or ConstrainedLanguage under App
# Control), so they may use commands the caller cannot; but JEA replaces Select-Object (and a few
# others) with constrained proxies in every session, so the functions name the full cmdlet.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

foreach ($file in @(Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'Private') -Filter '*.ps1') + @(Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'Public') -Filter '*.ps1')) {
    . $file.FullName
}
