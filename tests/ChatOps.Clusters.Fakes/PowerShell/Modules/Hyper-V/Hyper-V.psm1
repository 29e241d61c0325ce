# Test fake: objects shaped like the real Hyper-V ones (learn.microsoft.com/powershell/module/hyper-v:
# Get-VM, Get-VMNetworkAdapter, Get-VMIntegrationService, Get-VMSwitchTeam). VMState is a .NET enum
# whose names are those of Microsoft.HyperV.PowerShell.VMState, including ForceShutdown, ForceReboot,
# Hibernated and ComponentServicing (2016 and later); only the names cross the wire (State.ToString()).
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

enum VMState {
    Other = 1; Running = 2; Off = 3; Stopping = 4; Saved = 6; Paused = 9; Starting = 10; Reset = 11
    Saving = 32773; Pausing = 32776; Resuming = 32777; FastSaved = 32779; FastSaving = 32780
    ForceShutdown = 32781; ForceReboot = 32782; Hibernated = 32783; ComponentServicing = 32784
    RunningCritical = 32785; OffCritical = 32786; StoppingCritical = 32787; SavedCritical = 32788
    PausedCritical = 32789; StartingCritical = 32790; ResetCritical = 32791; SavingCritical = 32792
    PausingCritical = 32793; ResumingCritical = 32794; FastSavedCritical = 32795; FastSavingCritical = 32796
}

# Microsoft.HyperV.PowerShell.VMIntegrationComponentOperationalStatus (SecondaryOperationalStatus).
enum VMIntegrationComponentOperationalStatus {
    Ok = 2; Degraded = 3; Error = 6; NonRecoverableError = 7; NoContact = 12; LostCommunication = 13
    Dormant = 15; ProtocolMismatch = 32775; ApplicationCritical = 32782; CommunicationTimedOut = 32783; CommunicationFailed = 32784; Disabled = 32896
}

function New-FakeVm($Vm) {
    [pscustomobject]@{
        Id                         = [guid]$Vm.Id
        VMId                       = [guid]$Vm.Id
        Name                       = $Vm.Name
        State                      = [VMState]$Vm.State
        MemoryStartup              = [long]$Vm.MemoryStartup
        MemoryAssigned             = [long]$Vm.MemoryStartup
        IntegrationServicesVersion = if ($Vm.IntegrationServicesVersion) { [version]$Vm.IntegrationServicesVersion } else { $null }
        ConfigurationLocation      = $Vm.ConfigurationLocation
        ComputerName               = Get-FakeNodeName
        Version                    = $Vm.ConfigurationVersion
        Generation                 = 2
    }
}

function Get-VM {
    [CmdletBinding()] param([Parameter(Position = 0)] [string[]] $Name, [guid] $Id)
    $vms = @((Get-FakeHost).VMs)
    if ($PSBoundParameters.ContainsKey('Id')) {
        $match = @($vms | Where-Object { [guid]$_.Id -eq $Id })
        if ($match.Count -eq 0) { Write-Error -Message "Hyper-V was unable to find a virtual machine with id '$Id'." -Category ObjectNotFound; return }
        return New-FakeVm $match[0]
    }
    foreach ($vm in $vms) { New-FakeVm $vm }
}

function Get-VMNetworkAdapter {
    [CmdletBinding()] param([string[]] $VMName, [switch] $All, [switch] $ManagementOS)
    foreach ($vm in @((Get-FakeHost).VMs)) {
        foreach ($adapter in @($vm.Adapters)) {
            [pscustomobject]@{
                Name        = $adapter.Name
                VMId        = [guid]$vm.Id
                VMName      = $vm.Name
                IsLegacy    = [bool]$adapter.IsLegacy
                IPAddresses = [string[]]@($adapter.IPAddresses)
                SwitchName  = 'ConvergedSwitch'
            }
        }
    }
}

function Get-VMIntegrationService {
    [CmdletBinding()] param([string[]] $VMName)
    foreach ($vm in @((Get-FakeHost).VMs)) {
        foreach ($name in 'Heartbeat', 'Key-Value Pair Exchange', 'Shutdown', 'Time Synchronization', 'VSS') {
            $status = if ($vm.IntegrationStatus) { [VMIntegrationComponentOperationalStatus]$vm.IntegrationStatus } else { $null }
            [pscustomobject]@{ VMName = $vm.Name; VMId = [guid]$vm.Id; Name = $name; Enabled = $true; PrimaryStatusDescription = 'OK'; SecondaryOperationalStatus = $status }
        }
    }
}

function Get-VMSwitchTeam {
    [CmdletBinding()] param([string[]] $Name)
    foreach ($team in @((Get-FakeHost).SwitchTeams)) {
        [pscustomobject]@{ Name = $team.Name; Id = [guid]::NewGuid(); NetAdapterInterfaceDescription = [string[]]@($team.Members); TeamingMode = 'SwitchIndependent'; LoadBalancingAlgorithm = 'HyperVPort' }
    }
}

Export-ModuleMember -Function @('Get-VM', 'Get-VMNetworkAdapter', 'Get-VMIntegrationService', 'Get-VMSwitchTeam' | Where-Object { Test-FakeCommand $_ })
