# Test fake of the Windows module Storage. See CimCmdlets.psm1 for the documentation each shape follows.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

function Get-Disk {
    [CmdletBinding()] param()
    foreach ($id in @((Get-FakeHost).DiskGuids)) { [pscustomobject]@{ Number = 1; Guid = "{$id}"; PartitionStyle = 'GPT' } }
}

Export-ModuleMember -Function @(@('Get-Disk') | Where-Object { Test-FakeCommand $_ })
