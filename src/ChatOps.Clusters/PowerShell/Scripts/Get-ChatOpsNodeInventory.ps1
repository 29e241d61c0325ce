<#
.SYNOPSIS
    What one node reports about itself: memory, hardware, NICs, drivers, firmware, hotfixes,
    disks it sees, DNS, VM config links and the VMs registered in its Hyper-V.
.DESCRIPTION
    Read only; runs on the node itself (through its JEA endpoint in production). Whole Get-VM
    objects are slow on big hosts, so only the properties the checks need are selected. Writes
    one JSON document to stdout; on failure one JSON error to stderr and exit code 2.
#>
[CmdletBinding()]
param(
    # The node's own name, as the cluster lists it (labels the output).
    [Parameter(Mandatory)]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$')]
    [string] $NodeName,

    # The other nodes, comma-separated, whose names this node should resolve in DNS.
    [Parameter()]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9.,-]{0,4000}$')]
    [string] $PeerNodes
)

. (Join-Path $PSScriptRoot 'ChatOps.Common.ps1')

$guidPattern = '[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}'

try {
    Import-Module Hyper-V, FailoverClusters -ErrorAction Stop

    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    $processor = @(Get-CimInstance -ClassName Win32_Processor)[0]

    $hardware = [ordered]@{
        virtualization = [bool](Get-ChatOpsProperty $processor 'VirtualizationFirmwareEnabled')
        dep            = [bool]$os.DataExecutionPrevention_Available
        x64            = ([string]$os.OSArchitecture) -match '64'
        slat           = [bool](Get-ChatOpsProperty $processor 'SecondLevelAddressTranslationExtensions')
    }

    $teamed = @{}
    foreach ($team in @(Get-NetLbfoTeam -ErrorAction SilentlyContinue)) {
        foreach ($member in @($team.Members)) { $teamed[[string]$member] = $true }
    }
    $addresses = @{}
    foreach ($address in @(Get-NetIPAddress -AddressFamily IPv4 -ErrorAction SilentlyContinue)) {
        if (-not $addresses.ContainsKey([string]$address.InterfaceAlias)) {
            $addresses[[string]$address.InterfaceAlias] = $address
        }
    }
    $nics = @(Get-NetAdapter -Physical | ForEach-Object {
        $ip = $addresses[[string]$_.Name]
        [ordered]@{
            name         = [string]$_.Name
            description  = [string]$_.InterfaceDescription
            address      = if ($ip) { [string]$ip.IPAddress } else { $null }
            prefixLength = if ($ip) { [int]$ip.PrefixLength } else { 0 }
            teamed       = $teamed.ContainsKey([string]$_.Name)
        }
    })

    # One driver per device class: NICs, storage adapters (HBAs) and the MPIO DSM.
    $drivers = @(Get-CimInstance -ClassName Win32_PnPSignedDriver |
        Where-Object { $_.DeviceClass -in @('NET', 'SCSIADAPTER') -or ([string]$_.DeviceName) -match 'DSM' } |
        ForEach-Object {
            $class = if (([string]$_.DeviceName) -match 'DSM') { 'MPIO' } elseif ($_.DeviceClass -eq 'NET') { 'NIC' } else { 'HBA' }
            [ordered]@{ deviceClass = $class; name = [string]$_.DeviceName; version = [string]$_.DriverVersion }
        } | Group-Object { $_.deviceClass } | ForEach-Object { $_.Group[0] })

    $bios = @(Get-CimInstance -ClassName Win32_BIOS)[0]
    $released = Get-ChatOpsProperty $bios 'ReleaseDate'
    $biosVersion = [string]$bios.SMBIOSBIOSVersion
    if ($released -is [datetime]) { $biosVersion = '{0} {1:yyyy-MM-dd}' -f $biosVersion, $released }
    $firmware = @([ordered]@{ component = 'BIOS'; version = $biosVersion })

    $hotfixes = @(Get-HotFix | ForEach-Object { [string]$_.HotFixID } | Sort-Object -Unique)

    # The host's integration-services version is the version of its VM management service.
    $vmmsPath = ([string]$os.SystemDirectory).TrimEnd('\') + '\vmms.exe'
    $vmms = @(Get-CimInstance -ClassName CIM_DataFile -Filter ("Name='{0}'" -f ($vmmsPath -replace '\\', '\\')))[0]
    $integration = if ($vmms) { [string]$vmms.Version } else { '0.0' }

    $linkFolder = Join-Path ([Environment]::GetFolderPath('CommonApplicationData')) 'Microsoft\Windows\Hyper-V\Virtual Machines'
    $links = @()
    if (Test-Path -LiteralPath $linkFolder) {
        $links = @(Get-ChildItem -LiteralPath $linkFolder -Filter '*.xml' | ForEach-Object { [regex]::Match($_.BaseName, $guidPattern).Value } | Where-Object { $_ })
    }

    $visible = @(Get-ClusterSharedVolumeState -Node $NodeName -ErrorAction SilentlyContinue |
        Where-Object { $_.StateInfo.ToString() -ne 'Unavailable' } | ForEach-Object { [string]$_.Name })

    $peers = @(if ($PeerNodes) { $PeerNodes.Split(',', [StringSplitOptions]::RemoveEmptyEntries) })
    $resolvable = @($peers | Where-Object { Resolve-DnsName -Name $_ -Type A -DnsOnly -ErrorAction SilentlyContinue })

    # A cached A record is stale when DNS now answers the same name with other addresses.
    $stale = @(Get-DnsClientCache -Type A -ErrorAction SilentlyContinue | Select-Object -First 500 | Group-Object Entry | ForEach-Object {
        $cached = @($_.Group | ForEach-Object { [string]$_.Data })
        $fresh = @(Resolve-DnsName -Name $_.Name -Type A -DnsOnly -ErrorAction SilentlyContinue | ForEach-Object { [string]$_.IPAddress })
        if ($fresh.Count -gt 0 -and -not ($cached | Where-Object { $_ -in $fresh })) { [string]$_.Name }
    })

    # One call for every VM's adapters, grouped by VM id (names need not be unique).
    $adapters = @{}
    foreach ($adapter in @(Get-VMNetworkAdapter -VMName '*' | Select-Object VMId, Name, IsLegacy, IPAddresses)) {
        $key = $adapter.VMId.ToString()
        if (-not $adapters.ContainsKey($key)) { $adapters[$key] = @() }
        $adapters[$key] += [ordered]@{ name = [string]$adapter.Name; legacy = [bool]$adapter.IsLegacy; addresses = @($adapter.IPAddresses | ForEach-Object { [string]$_ }) }
    }

    $vms = @(Get-VM | Select-Object Id, Name, State, MemoryStartup, IntegrationServicesVersion, ConfigurationLocation | ForEach-Object {
        $vm = $_
        [ordered]@{
            id                    = $vm.Id.ToString()
            name                  = [string]$vm.Name
            state                 = $vm.State.ToString()
            startupMemoryMb       = [long]($vm.MemoryStartup / 1MB)
            integrationServices   = if ($vm.IntegrationServicesVersion) { $vm.IntegrationServicesVersion.ToString() } else { '0.0' }
            configurationLocation = [string]$vm.ConfigurationLocation
            nics                  = @(if ($adapters.ContainsKey($vm.Id.ToString())) { $adapters[$vm.Id.ToString()] })
        }
    })

    Write-ChatOpsResult ([ordered]@{
        name                = $NodeName
        memoryTotalMb       = [long]($os.TotalVisibleMemorySize / 1KB)
        memoryFreeMb        = [long]($os.FreePhysicalMemory / 1KB)
        hardware            = $hardware
        nics                = $nics
        drivers             = $drivers
        firmware            = $firmware
        hotfixes            = $hotfixes
        asrEnabled          = $false
        integrationServices = $integration
        configLinks         = $links
        visibleDisks        = $visible
        resolvableNodes     = $resolvable
        staleDnsEntries     = $stale
        vms                 = $vms
    })
}
catch {
    Exit-ChatOpsFailure -Record $_
}
