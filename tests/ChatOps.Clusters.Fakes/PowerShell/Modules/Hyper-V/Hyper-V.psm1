# Test fake: objects shaped like the real Hyper-V ones (learn.microsoft.com/powershell/module/hyper-v:
# Get-VM, Get-VMNetworkAdapter, Get-VMIntegrationService, Get-VMSwitchTeam). VMState is a .NET enum
# whose names are those of Microsoft.HyperV.PowerShell.VMState, including ForceShutdown, ForceReboot,
# Hibernated and ComponentServicing (2016 and later); only the names cross the wire (State.ToString()).
# -VMName takes no wildcards on Get-VMIntegrationService and Get-VMNetworkAdapter (their parameter tables:
# "Accept wildcard characters: False"); a VM piped in binds to -VM; -All is every adapter, the host's too.
# Failing: with VMMS stopped every cmdlet writes a non-terminating VirtualizationException, ObjectNotFound,
# "Hyper-V encountered an error trying to access an object on computer ... Verify that the Virtual
# Machine Management service on the computer is running." (kubernetes/minikube #16679, PlagueHO/LabBuilder
# #203): the same category as a missing object, so an error is never proof that a VM is not there. An
# unknown -VMName: "Hyper-V was unable to find a virtual machine with name ...", InvalidArgument.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

class VirtualizationException : System.Exception {
    VirtualizationException([string] $Message) : base($Message) { }
}

function Test-FakeVmms([System.Management.Automation.PSCmdlet] $Cmdlet) {
    # False (after writing the error, as the real cmdlets do) when VMMS is stopped on this node.
    if (-not (Test-FakeFault 'VmmsStopped')) { return $true }
    $exception = [VirtualizationException]::new("Hyper-V encountered an error trying to access an object on computer '$(Get-FakeNodeName)' because the object was not found. The object might have been deleted. Verify that the Virtual Machine Management service on the computer is running.")
    Write-FakeError -Cmdlet $Cmdlet -Record (New-FakeErrorRecord -Exception $exception -ErrorId 'ObjectNotFound' -Category ObjectNotFound)
    return $false
}

function Get-FakeVmsNamed([System.Management.Automation.PSCmdlet] $Cmdlet, [string[]] $VMName) {
    # -VMName without wildcards: each name must match a VM exactly, else the documented InvalidArgument error.
    $vms = @((Get-FakeHost).VMs)
    foreach ($name in $VMName) {
        $match = @($vms | Where-Object { $_.Name -eq $name })
        if ($match.Count -eq 0) {
            $exception = [VirtualizationException]::new("Hyper-V was unable to find a virtual machine with name `"$name`".")
            Write-FakeError -Cmdlet $Cmdlet -Record (New-FakeErrorRecord -Exception $exception -ErrorId 'InvalidParameter' -Category InvalidArgument -Target $name)
        }
        $match
    }
}

function Get-FakeVmsOf([System.Management.Automation.PSCmdlet] $Cmdlet, [string[]] $VMName, [object[]] $VM) {
    # The VMs a cmdlet was given: piped VM objects (-VM), or names (-VMName, each must match exactly).
    if ($Cmdlet.ParameterSetName -eq 'VMObject') {
        $ids = @($VM | ForEach-Object { [guid]$_.Id })
        return @((Get-FakeHost).VMs | Where-Object { [guid]$_.Id -in $ids })
    }
    return @(Get-FakeVmsNamed $Cmdlet $VMName)
}

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
    if (-not (Test-FakeVmms $PSCmdlet)) { return }
    $vms = @((Get-FakeHost).VMs)
    if ($PSBoundParameters.ContainsKey('Id')) {
        # What Get-VM -Id does for an id that is not registered is not documented; the fake writes ObjectNotFound.
        $match = @($vms | Where-Object { [guid]$_.Id -eq $Id })
        if ($match.Count -eq 0) {
            $exception = [VirtualizationException]::new("Hyper-V was unable to find a virtual machine with id `"$Id`".")
            Write-FakeError -Cmdlet $PSCmdlet -Record (New-FakeErrorRecord -Exception $exception -ErrorId 'ObjectNotFound' -Category ObjectNotFound -Target $Id)
            return
        }
        return New-FakeVm $match[0]
    }
    foreach ($vm in $vms) { New-FakeVm $vm }
}

function Get-VMNetworkAdapter {
    [CmdletBinding()] param([Parameter(Position = 0)] [string[]] $VMName, [switch] $All, [switch] $ManagementOS)
    if (-not (Test-FakeVmms $PSCmdlet)) { return }
    $vms = if ($All) { @((Get-FakeHost).VMs) } elseif ($ManagementOS) { @() } else { @(Get-FakeVmsNamed $PSCmdlet $VMName) }
    foreach ($vm in $vms) {
        foreach ($adapter in @($vm.Adapters)) {
            [pscustomobject]@{
                Name           = $adapter.Name
                VMId           = [guid]$vm.Id
                VMName         = $vm.Name
                IsLegacy       = [bool]$adapter.IsLegacy
                IsManagementOs = $false
                IPAddresses    = [string[]]@($adapter.IPAddresses)
                SwitchName     = 'ConvergedSwitch'
            }
        }
    }
    if ($All -or $ManagementOS) {
        foreach ($adapter in @((Get-FakeHost).Adapters | Where-Object { $_.ComponentID -eq 'vms_mp' })) {
            [pscustomobject]@{ Name = $adapter.Name; VMId = $null; VMName = ''; IsLegacy = $false; IsManagementOs = $true; IPAddresses = [string[]]@($adapter.IPAddress); SwitchName = 'ConvergedSwitch' }
        }
    }
}

function Get-VMIntegrationService {
    [CmdletBinding(DefaultParameterSetName = 'VMName')]
    param([Parameter(ParameterSetName = 'VMName', Position = 0)] [string[]] $VMName,
        [Parameter(ParameterSetName = 'VMObject', ValueFromPipeline)] [object[]] $VM)
    process {
    if (-not (Test-FakeVmms $PSCmdlet)) { return }
    $vms = Get-FakeVmsOf $PSCmdlet $VMName $VM
    foreach ($vm in $vms) {
        foreach ($name in 'Heartbeat', 'Key-Value Pair Exchange', 'Shutdown', 'Time Synchronization', 'VSS') {
            $status = if ($vm.IntegrationStatus) { [VMIntegrationComponentOperationalStatus]$vm.IntegrationStatus } else { $null }
            [pscustomobject]@{ VMName = $vm.Name; VMId = [guid]$vm.Id; Name = $name; Enabled = $true; PrimaryStatusDescription = 'OK'; SecondaryOperationalStatus = $status }
        }
    }
    }
}

function Get-VMSwitchTeam {
    [CmdletBinding()] param([string[]] $Name)
    if (-not (Test-FakeVmms $PSCmdlet)) { return }
    foreach ($team in @((Get-FakeHost).SwitchTeams)) {
        [pscustomobject]@{ Name = $team.Name; Id = [guid]::NewGuid(); NetAdapterInterfaceDescription = [string[]]@($team.Members); TeamingMode = 'SwitchIndependent'; LoadBalancingAlgorithm = 'HyperVPort' }
    }
}

function Get-VMProcessor {
    # Get-VMProcessor (learn.microsoft.com/powershell/module/hyper-v/get-vmprocessor): one VMProcessor per VM,
    # with VMName, VMId, Count and CompatibilityForMigrationEnabled (off unless Set-VMProcessor turned it on).
    [CmdletBinding(DefaultParameterSetName = 'VMName')]
    param([Parameter(ParameterSetName = 'VMName', Position = 0)] [string[]] $VMName,
        [Parameter(ParameterSetName = 'VMObject', ValueFromPipeline)] [object[]] $VM)
    process {
    if (-not (Test-FakeVmms $PSCmdlet)) { return }
    $vms = Get-FakeVmsOf $PSCmdlet $VMName $VM
    foreach ($vm in $vms) {
        [pscustomobject]@{ VMName = $vm.Name; VMId = [guid]$vm.Id; Count = 4; CompatibilityForMigrationEnabled = [bool]$vm.ProcessorCompatibility }
    }
    }
}

Export-ModuleMember -Function @('Get-VM', 'Get-VMNetworkAdapter', 'Get-VMIntegrationService', 'Get-VMProcessor', 'Get-VMSwitchTeam' | Where-Object { Test-FakeCommand $_ })
