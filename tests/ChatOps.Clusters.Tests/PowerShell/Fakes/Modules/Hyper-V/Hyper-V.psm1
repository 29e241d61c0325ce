# Test fake: objects shaped like the real Hyper-V ones, VMState as a real .NET enum with Hyper-V's values.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

enum VMState {
    Other = 1; Running = 2; Off = 3; Stopping = 4; Saved = 6; Paused = 9; Starting = 10; Reset = 11
    Saving = 32773; Pausing = 32776; Resuming = 32777; FastSaved = 32779; FastSaving = 32780
    RunningCritical = 32781; OffCritical = 32782; StoppingCritical = 32783; SavedCritical = 32784
    PausedCritical = 32785; StartingCritical = 32786; ResetCritical = 32787; SavingCritical = 32788
    PausingCritical = 32789; ResumingCritical = 32790; FastSavedCritical = 32791; FastSavingCritical = 32792
}

function New-FakeVm($Vm) {
    [pscustomobject]@{
        Id                         = [guid]$Vm.Id
        VMId                       = [guid]$Vm.Id
        Name                       = $Vm.Name
        State                      = [VMState]$Vm.State
        MemoryStartup              = [long]$Vm.MemoryStartup
        MemoryAssigned             = [long]$Vm.MemoryStartup
        IntegrationServicesVersion = [version]$Vm.IntegrationServicesVersion
        ConfigurationLocation      = $Vm.ConfigurationLocation
        ComputerName               = Get-FakeNodeName
        Generation                 = 1
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
    [CmdletBinding()] param([string[]] $VMName, [switch] $All)
    foreach ($vm in @((Get-FakeHost).VMs)) {
        foreach ($adapter in @($vm.Adapters)) {
            [pscustomobject]@{
                Name        = $adapter.Name
                VMId        = [guid]$vm.Id
                VMName      = $vm.Name
                IsLegacy    = [bool]$adapter.IsLegacy
                IPAddresses = [string[]]@($adapter.IPAddresses)
                SwitchName  = 'VM-CLIENT'
            }
        }
    }
}

function Get-VMIntegrationService {
    [CmdletBinding()] param([string[]] $VMName)
    foreach ($vm in @((Get-FakeHost).VMs)) {
        [pscustomobject]@{ VMName = $vm.Name; Name = 'Heartbeat'; Enabled = $true; PrimaryStatusDescription = 'OK' }
    }
}
