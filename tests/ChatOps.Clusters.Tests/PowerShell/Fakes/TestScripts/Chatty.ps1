# Test script: writes more than any sane limit.
param([int] $Lines = 100000)
foreach ($i in 1..$Lines) { Write-Output ('x' * 100) }
