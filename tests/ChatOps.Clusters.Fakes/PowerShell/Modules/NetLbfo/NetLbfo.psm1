# Test fake of the Windows module NetLbfo. See CimCmdlets.psm1 for the documentation each shape follows.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

function Get-NetLbfoTeam {
    [CmdletBinding()] param()
    foreach ($team in @((Get-FakeHost).Teams)) { [pscustomobject]@{ Name = $team.Name; Members = [string[]]@($team.Members); Status = 'Up' } }
}

Export-ModuleMember -Function @(@('Get-NetLbfoTeam') | Where-Object { Test-FakeCommand $_ })
