# Test script: starts a child process and then hangs, so a timeout must kill the whole tree.
param([string] $PidFile)
$child = Start-Process -FilePath 'sleep' -ArgumentList '300' -PassThru
Set-Content -LiteralPath $PidFile -Value "$PID $($child.Id)"
Start-Sleep -Seconds 300
