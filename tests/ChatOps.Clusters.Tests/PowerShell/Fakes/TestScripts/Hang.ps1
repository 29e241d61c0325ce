# Test script: starts a child process and then hangs, so a timeout must kill the whole tree.
param([string] $PidFile)
$child = if ($IsWindows) {
    Start-Process -FilePath 'ping.exe' -ArgumentList '-n', '300', '127.0.0.1' -PassThru -WindowStyle Hidden
} else {
    Start-Process -FilePath 'sleep' -ArgumentList '300' -PassThru
}
Set-Content -LiteralPath $PidFile -Value "$PID $($child.Id)"
Start-Sleep -Seconds 300
