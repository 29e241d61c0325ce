# Test fake of the Windows module ChatOpsFakeWindows (Get-HotFix, which Windows PowerShell's Microsoft.PowerShell.Management has and PowerShell on Linux lacks; the harness loads it into every session). See CimCmdlets.psm1 for the documentation each shape follows.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

function Get-HotFix {
    [CmdletBinding()] param()
    foreach ($id in (Get-FakeHost).HotFixes) { [pscustomobject]@{ HotFixID = $id; Description = 'Update'; InstalledOn = [datetime]'2024-11-01' } }
}

function Invoke-WmiMethod {
    # Windows PowerShell 5.1's Invoke-WmiMethod (Microsoft.PowerShell.Management, absent from PowerShell 7).
    # -EnableAllPrivileges "enables all the privileges of the current user before the command makes the WMI
    # call" (its 5.1 page); Win32_Process.Terminate on a process the caller does not own needs
    # SeDebugPrivilege enabled (the Terminate method page), which an administrator holds disabled by
    # default ("Most privileges are disabled by default", the Privileges page). So: 2 (access denied)
    # without the switch, or when the node's policy took "Debug programs" from the account (fault
    # TerminateDenied); 0 otherwise, the call logged.
    [CmdletBinding()] param([string] $Path, [string] $Name, [switch] $EnableAllPrivileges)
    if ($Name -ne 'Terminate' -or $Path -notmatch "^Win32_Process\.Handle='(\d+)'$") { throw "Unexpected WMI call $Name on $Path" }
    $id = [int]$Matches[1]
    $process = @((Get-FakeHost).Processes | Where-Object { [int]$_.ProcessId -eq $id })
    if ($process.Count -eq 0) { return [pscustomobject]@{ ReturnValue = [uint32]9 } }
    if (-not $EnableAllPrivileges -or (Test-FakeFault 'TerminateDenied')) { return [pscustomobject]@{ ReturnValue = [uint32]2 } }
    Write-FakeLog "Terminate $($process[0].Name) $id on $(Get-FakeNodeName)"
    [pscustomobject]@{ ReturnValue = [uint32]0 }
}

Export-ModuleMember -Function @(@('Get-HotFix', 'Invoke-WmiMethod') | Where-Object { Test-FakeCommand $_ })
