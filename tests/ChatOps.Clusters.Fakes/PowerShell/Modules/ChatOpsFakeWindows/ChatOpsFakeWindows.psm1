# Test fake of the Windows module ChatOpsFakeWindows (Get-HotFix, which Windows PowerShell's Microsoft.PowerShell.Management has and PowerShell on Linux lacks; the harness loads it into every session). See CimCmdlets.psm1 for the documentation each shape follows.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

function Get-HotFix {
    [CmdletBinding()] param()
    foreach ($id in (Get-FakeHost).HotFixes) { [pscustomobject]@{ HotFixID = $id; Description = 'Update'; InstalledOn = [datetime]'2024-11-01' } }
}

Export-ModuleMember -Function @(@('Get-HotFix') | Where-Object { Test-FakeCommand $_ })
