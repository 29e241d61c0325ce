# Test script: echoes its one parameter back, to show a value arrives as inert data.
param([string] $Value)
Set-StrictMode -Version 3.0
[ordered]@{ value = $Value } | ConvertTo-Json -Compress
