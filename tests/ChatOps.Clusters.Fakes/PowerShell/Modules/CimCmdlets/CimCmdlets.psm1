# Test fake: the Windows-only cmdlets the node module uses, over a recorded host. Shapes follow the
# documented classes and cmdlets: Win32_OperatingSystem, Win32_ComputerSystem (HypervisorPresent),
# Win32_Processor (VirtualizationFirmwareEnabled and SLAT read False while the hypervisor runs),
# Win32_PnPSignedDriver (DeviceClass, DeviceName, DriverVersion, HardWareID), Win32_BIOS,
# Win32_Process, StdRegProv.GetDWORDValue, MSCluster_Resource/MSCluster_Disk/MSCluster_DiskPartition
# (root/MSCluster; TotalSize in MB), Get-NetAdapter, Get-NetIPAddress, Get-NetLbfoTeam, Get-Disk,
# Resolve-DnsName (an alias answers its CNAME record first, which has NameHost and no IPAddress),
# Get-DnsClientCache, Get-DnsClientServerAddress, Get-HotFix. Nothing here touches this machine.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

function Get-FakeProcesses {
    # The node's processes; the cluster service's is gone while it is stopped.
    $processes = @((Get-FakeHost).Processes)
    if (Test-FakeFault 'ClusterServiceStopped') { $processes = @($processes | Where-Object { $_.Name -ne 'clussvc.exe' }) }
    return $processes
}

function Get-CimInstance {
    [CmdletBinding()] param([Parameter(Position = 0)] [Alias('Class')] [string] $ClassName, [string] $Filter, [string] $Namespace = 'root/cimv2')
    $hostData = Get-FakeHost
    switch ($ClassName) {
        'Win32_OperatingSystem' {
            [pscustomobject]@{
                TotalVisibleMemorySize = [uint64]$hostData.TotalVisibleMemorySize; FreePhysicalMemory = [uint64]$hostData.FreePhysicalMemory
                DataExecutionPrevention_Available = [bool]$hostData.DataExecutionPrevention_Available; OSArchitecture = $hostData.OSArchitecture
                SystemDirectory = 'C:\Windows\system32'; SystemDrive = 'C:'; Version = $hostData.OsVersion; CSName = Get-FakeNodeName
            }
        }
        'Win32_ComputerSystem' {
            [pscustomobject]@{ Name = (Get-FakeNodeName).ToUpperInvariant(); HypervisorPresent = [bool]$hostData.HypervisorPresent; Domain = 'contoso.local' }
        }
        'Win32_Processor' {
            [pscustomobject]@{ Name = $hostData.Processor; Manufacturer = $(if ($hostData.ProcessorManufacturer) { $hostData.ProcessorManufacturer } else { 'GenuineIntel' })
                VirtualizationFirmwareEnabled = [bool]$hostData.VirtualizationFirmwareEnabled
                SecondLevelAddressTranslationExtensions = [bool]$hostData.SecondLevelAddressTranslationExtensions }
        }
        'Win32_BIOS' {
            [pscustomobject]@{ SMBIOSBIOSVersion = $hostData.Bios.SMBIOSBIOSVersion; ReleaseDate = [datetime]$hostData.Bios.ReleaseDate; Manufacturer = 'HPE' }
        }
        'Win32_PnPSignedDriver' {
            foreach ($driver in $hostData.Drivers) {
                [pscustomobject]@{ DeviceClass = $driver.DeviceClass; DeviceName = $driver.DeviceName; DriverVersion = $driver.DriverVersion; HardWareID = $driver.HardWareID }
            }
        }
        'CIM_DataFile' {
            if ($Filter -notmatch "^Name='C:\\\\Windows\\\\system32\\\\vmms\.exe'$") { throw "Unexpected CIM_DataFile filter: $Filter" }
            [pscustomobject]@{ Name = 'C:\Windows\system32\vmms.exe'; Version = $hostData.VmmsVersion }
        }
        'Win32_Process' {
            if ($Filter -notmatch "^Name='([a-z]+\.exe)'$") { throw "Unexpected Win32_Process filter: $Filter" }
            $wanted = $Matches[1]
            foreach ($process in @(Get-FakeProcesses | Where-Object { $_.Name -eq $wanted })) {
                [pscustomobject]@{ Name = $process.Name; ProcessId = [uint32]$process.ProcessId; CommandLine = $process.CommandLine }
            }
        }
        'Win32_Service' {
            # Win32_Service: State and ProcessId (0 when stopped). Only the cluster service is recorded.
            if ($Filter -ne "Name='ClusSvc'") { throw "Unexpected Win32_Service filter: $Filter" }
            $process = @(Get-FakeProcesses | Where-Object { $_.Name -eq 'clussvc.exe' })
            if ($process.Count -gt 0) { [pscustomobject]@{ Name = 'ClusSvc'; State = 'Running'; ProcessId = [uint32]$process[0].ProcessId; StartMode = 'Auto' } }
            else { [pscustomobject]@{ Name = 'ClusSvc'; State = 'Stopped'; ProcessId = [uint32]0; StartMode = 'Auto' } }
        }
        'MSCluster_Resource' {
            if ($Filter -notmatch "^Name='(.+)'$") { throw "Unexpected MSCluster_Resource filter: $Filter" }
            $name = $Matches[1] -replace "''", "'"
            foreach ($disk in @((Get-FakeCluster).Disks | Where-Object { $_.Name -eq $name })) { [pscustomobject]@{ Name = $disk.Name; Type = 'Physical Disk'; CimClass = 'MSCluster_Resource' } }
        }
        default { throw "The fake has no CIM class $ClassName." }
    }
}

function Get-CimAssociatedInstance {
    [CmdletBinding()] param([Parameter(ValueFromPipeline)] $InputObject, [string] $ResultClassName)
    $disk = @((Get-FakeCluster).Disks | Where-Object { $_.Name -eq $InputObject.Name })[0]
    switch ($ResultClassName) {
        'MSCluster_Disk' { [pscustomobject]@{ Name = $disk.Name; CimClass = 'MSCluster_Disk' } }
        'MSCluster_DiskPartition' { [pscustomobject]@{ Path = $disk.Path; VolumeGuid = $disk.VolumeGuid; TotalSize = [uint32]$disk.SizeMb; FileSystem = 'NTFS' } }
        default { throw "The fake has no association to $ResultClassName." }
    }
}

function Invoke-CimMethod {
    [CmdletBinding()] param([Parameter(ValueFromPipeline)] $InputObject, [string] $MethodName, [string] $ClassName, [string] $Namespace, [hashtable] $Arguments)
    $hostData = Get-FakeHost
    if ($ClassName -eq 'StdRegProv') {
        # StdRegProv methods return 0 or a WinError.h code: a value that is not there is 2 (ERROR_FILE_NOT_FOUND).
        # GetBinaryValue's uValue is a uint8 array; 'Update Revision' holds 8 bytes, little endian.
        $recorded = switch ("$MethodName $($Arguments.sValueName)") {
            'GetDWORDValue UBR' { $hostData.Ubr }
            'GetDWORDValue FeatureSettingsOverride' { $hostData.FeatureSettingsOverride }
            'GetDWORDValue FeatureSettingsOverrideMask' { $hostData.FeatureSettingsOverrideMask }
            'GetBinaryValue Update Revision' { if ($hostData.UpdateRevision) { , [byte[]]@($hostData.UpdateRevision) } }
            default { throw "Unexpected registry read $MethodName $($Arguments.sValueName)" }
        }
        if ($null -eq $recorded) { return [pscustomobject]@{ ReturnValue = [uint32]2; uValue = $null } }
        if ($MethodName -eq 'GetBinaryValue') { return [pscustomobject]@{ ReturnValue = [uint32]0; uValue = $recorded } }
        return [pscustomobject]@{ ReturnValue = [uint32]0; uValue = [uint32]$recorded }
    }
    # Win32_Process.Terminate: "To terminate a process that you do not own, enable the SeDebugPrivilege
    # privilege" (its method page); the CIM cmdlets document no way to enable a privilege, and the
    # processes the actions kill belong to SYSTEM or a VM's account, so this returns 2 (access denied).
    if ($MethodName -ne 'Terminate') { throw "Unexpected CIM method $MethodName" }
    [pscustomobject]@{ ReturnValue = [uint32]2 }
}

Export-ModuleMember -Function @(@('Get-CimInstance', 'Get-CimAssociatedInstance', 'Invoke-CimMethod') | Where-Object { Test-FakeCommand $_ })
