# Test fake: the Windows-only cmdlets the node module uses, over a recorded host. Shapes follow the
# documented classes and cmdlets: Win32_OperatingSystem, Win32_ComputerSystem (HypervisorPresent),
# Win32_Processor (VirtualizationFirmwareEnabled and SLAT read False while the hypervisor runs),
# Win32_PnPSignedDriver (DeviceClass, DeviceName, DriverVersion, HardWareID), Win32_BIOS,
# Win32_Process, StdRegProv.GetDWORDValue, MSCluster_Resource/MSCluster_Disk/MSCluster_DiskPartition
# (root/MSCluster; TotalSize in MB), Get-NetAdapter, Get-NetIPAddress, Get-NetLbfoTeam, Get-Disk,
# Resolve-DnsName (an alias answers its CNAME record first, which has NameHost and no IPAddress),
# Get-DnsClientCache, Get-DnsClientServerAddress, Get-HotFix. Nothing here touches this machine.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

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
            [pscustomobject]@{ Name = $hostData.Processor; VirtualizationFirmwareEnabled = [bool]$hostData.VirtualizationFirmwareEnabled
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
            foreach ($process in @($hostData.Processes | Where-Object { $_.Name -eq $wanted })) {
                [pscustomobject]@{ Name = $process.Name; ProcessId = [uint32]$process.ProcessId; CommandLine = $process.CommandLine }
            }
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
        if ($MethodName -ne 'GetDWORDValue' -or $Arguments.sValueName -ne 'UBR') { throw "Unexpected registry read $MethodName $($Arguments.sValueName)" }
        if ($null -eq $hostData.Ubr) { return [pscustomobject]@{ ReturnValue = [uint32]1; uValue = $null } }
        return [pscustomobject]@{ ReturnValue = [uint32]0; uValue = [uint32]$hostData.Ubr }
    }
    Write-FakeLog "$MethodName $($InputObject.Name) $($InputObject.ProcessId) on $(Get-FakeNodeName)"
    [pscustomobject]@{ ReturnValue = [uint32]0 }
}

Export-ModuleMember -Function @(@('Get-CimInstance', 'Get-CimAssociatedInstance', 'Invoke-CimMethod') | Where-Object { Test-FakeCommand $_ })
