# Test fake of the Windows module Storage. See CimCmdlets.psm1 for the documentation each shape follows.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

function Get-Disk {
    [CmdletBinding()] param()
    # MSFT_Disk: Guid is null unless the disk is GPT, Signature null unless it is MBR.
    foreach ($id in @((Get-FakeHost).DiskGuids)) { [pscustomobject]@{ Number = 1; Guid = "{$id}"; Signature = $null; PartitionStyle = 'GPT' } }
    foreach ($signature in @((Get-FakeHost).DiskSignatures | Where-Object { $_ })) { [pscustomobject]@{ Number = 2; Guid = $null; Signature = [uint32]$signature; PartitionStyle = 'MBR' } }
}

Export-ModuleMember -Function @(@('Get-Disk') | Where-Object { Test-FakeCommand $_ })
