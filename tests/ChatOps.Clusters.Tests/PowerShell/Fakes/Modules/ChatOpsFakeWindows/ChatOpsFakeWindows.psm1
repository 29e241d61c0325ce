# Test fake: CIM classes and networking cmdlets of a recorded Windows host. Nothing here touches this machine.
. (Join-Path $PSScriptRoot '..' '..' 'FakeData.ps1')

function Get-CimInstance {
    [CmdletBinding()] param([Parameter(Position = 0)] [Alias('Class')] [string] $ClassName, [string] $Filter)
    $hostData = Get-FakeHost
    switch ($ClassName) {
        'Win32_OperatingSystem' {
            [pscustomobject]@{
                TotalVisibleMemorySize = [uint64]$hostData.TotalVisibleMemorySize; FreePhysicalMemory = [uint64]$hostData.FreePhysicalMemory
                DataExecutionPrevention_Available = [bool]$hostData.DataExecutionPrevention_Available; OSArchitecture = $hostData.OSArchitecture
                SystemDirectory = 'C:\Windows\system32'; Version = '6.1.7601'; CSName = Get-FakeNodeName
            }
        }
        'Win32_Processor' {
            [pscustomobject]@{ Name = 'Intel(R) Xeon(R) CPU X5670'; VirtualizationFirmwareEnabled = [bool]$hostData.VirtualizationFirmwareEnabled
                SecondLevelAddressTranslationExtensions = [bool]$hostData.SecondLevelAddressTranslationExtensions }
        }
        'Win32_BIOS' {
            [pscustomobject]@{ SMBIOSBIOSVersion = $hostData.Bios.SMBIOSBIOSVersion; ReleaseDate = [datetime]$hostData.Bios.ReleaseDate; Manufacturer = 'HP' }
        }
        'Win32_PnPSignedDriver' {
            foreach ($driver in $hostData.Drivers) { [pscustomobject]@{ DeviceClass = $driver.DeviceClass; DeviceName = $driver.DeviceName; DriverVersion = $driver.DriverVersion } }
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
        default { throw "The fake has no CIM class $ClassName." }
    }
}

function Invoke-CimMethod {
    [CmdletBinding()] param([Parameter(ValueFromPipeline)] $InputObject, [string] $MethodName)
    $null = Get-FakeHost
    Write-FakeLog "$MethodName $($InputObject.Name) $($InputObject.ProcessId) on $(Get-FakeNodeName)"
    [pscustomobject]@{ ReturnValue = [uint32]0 }
}

function Get-HotFix {
    [CmdletBinding()] param()
    foreach ($id in (Get-FakeHost).HotFixes) { [pscustomobject]@{ HotFixID = $id; Description = 'Hotfix'; InstalledOn = [datetime]'2010-11-01' } }
}

function Get-NetAdapter {
    [CmdletBinding()] param([switch] $Physical)
    foreach ($adapter in (Get-FakeHost).Adapters) {
        [pscustomobject]@{ Name = $adapter.Name; InterfaceDescription = $adapter.InterfaceDescription; Status = 'Up'; ifIndex = 10 }
    }
}

function Get-NetLbfoTeam {
    [CmdletBinding()] param()
    foreach ($team in @((Get-FakeHost).Teams)) { [pscustomobject]@{ Name = $team.Name; Members = [string[]]@($team.Members); Status = 'Up' } }
}

function Get-NetIPAddress {
    [CmdletBinding()] param([string] $AddressFamily)
    foreach ($adapter in (Get-FakeHost).Adapters) {
        [pscustomobject]@{ InterfaceAlias = $adapter.Name; IPAddress = $adapter.IPAddress; PrefixLength = [byte]$adapter.PrefixLength; AddressFamily = 'IPv4' }
    }
}

function Resolve-DnsName {
    [CmdletBinding()] param([string] $Name, [string] $Type, [switch] $DnsOnly)
    $answers = (Get-FakeHost).DnsAnswers
    if (-not $answers.ContainsKey($Name)) { Write-Error -Message "${Name} : DNS name does not exist" -Category ResourceUnavailable; return }
    foreach ($address in $answers[$Name]) { [pscustomobject]@{ Name = $Name; Type = 'A'; IPAddress = $address } }
}

function Get-DnsClientCache {
    [CmdletBinding()] param([string] $Type)
    foreach ($entry in @((Get-FakeHost).DnsCache)) { [pscustomobject]@{ Entry = $entry.Entry; Name = $entry.Entry; Type = 1; Data = $entry.Data } }
}

function Clear-DnsClientCache {
    [CmdletBinding()] param()
    $null = Get-FakeHost
    Write-FakeLog "Clear-DnsClientCache on $(Get-FakeNodeName)"
}
