function Get-ChatOpsNodeInventory {
    <#
    .SYNOPSIS
        What this node reports about itself: memory, hardware, NICs, drivers, firmware, patch level,
        disks it sees, DNS, VM config links and the VMs registered in its Hyper-V. Read only.
    .DESCRIPTION
        Whole Get-VM objects are slow on big hosts, so only the properties the checks need are read.
        Where a version lacks a source (a cmdlet, a property) the value is null: unknown, never guessed.
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

    $guidPattern = '[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}'
    try {
        Import-ChatOpsModule Hyper-V, FailoverClusters, CimCmdlets, NetAdapter, NetTCPIP, DnsClient
        Import-ChatOpsModule -Optional NetLbfo, Storage

        $os = Get-CimInstance -ClassName Win32_OperatingSystem
        $system = Get-CimInstance -ClassName Win32_ComputerSystem
        $processor = (Get-ChatOpsFirst @(Get-CimInstance -ClassName Win32_Processor))

        # While the hypervisor runs, Win32_Processor reports VirtualizationFirmwareEnabled and SLAT as
        # False (the root partition is itself virtualised); a running hypervisor proves both.
        $hypervisor = [bool](Get-ChatOpsProperty $system 'HypervisorPresent')
        $hardware = [ordered]@{
            virtualization = $hypervisor -or [bool](Get-ChatOpsProperty $processor 'VirtualizationFirmwareEnabled')
            dep            = [bool]$os.DataExecutionPrevention_Available
            x64            = ([string]$os.OSArchitecture) -match '64'
            slat           = $hypervisor -or [bool](Get-ChatOpsProperty $processor 'SecondLevelAddressTranslationExtensions')
        }

        # Patch level: cumulative updates do not all show in Win32_QuickFixEngineering; build + UBR do.
        $ubr = Invoke-CimMethod -Namespace 'root/cimv2' -ClassName StdRegProv -MethodName GetDWORDValue -Arguments @{
            hDefKey = [uint32]2147483650; sSubKeyName = 'SOFTWARE\Microsoft\Windows NT\CurrentVersion'; sValueName = 'UBR' }
        $osBuild = [string]$os.Version
        if ($ubr -and [int]$ubr.ReturnValue -eq 0) { $osBuild = '{0}.{1}' -f $osBuild, $ubr.uValue }
        $hotfixes = @(Get-HotFix | ForEach-Object { [string]$_.HotFixID } | Sort-Object -Unique)

        # NICs: the physical adapters (no address when they are a vSwitch uplink), the host's vEthernet
        # adapters and LBFO team interfaces (which hold the addresses on a converged host).
        $teamed = @{}
        if (Test-ChatOpsCommand 'Get-NetLbfoTeam') {
            foreach ($team in @(Get-NetLbfoTeam)) { foreach ($member in @($team.Members)) { $teamed[[string]$member] = $true } }
        }
        $setUplinks = @{}
        if (Test-ChatOpsCommand 'Get-VMSwitchTeam') {
            foreach ($team in @(Get-VMSwitchTeam)) { foreach ($description in @($team.NetAdapterInterfaceDescription)) { $setUplinks[[string]$description] = $true } }
        }
        $addresses = @{}
        foreach ($address in @(Get-NetIPAddress -AddressFamily IPv4 | Sort-Object { ([string]$_.IPAddress).StartsWith('169.254.') })) {
            if (-not $addresses.ContainsKey([string]$address.InterfaceAlias)) { $addresses[[string]$address.InterfaceAlias] = $address }
        }
        $hostAdapters = @(Get-NetAdapter -Physical) + @(Get-NetAdapter | Where-Object {
                ([string]$_.InterfaceDescription) -like 'Hyper-V Virtual Ethernet Adapter*' -or ([string]$_.InterfaceDescription) -like 'Microsoft Network Adapter Multiplexor Driver*' })
        $nics = @($hostAdapters | ForEach-Object {
                $ip = $addresses[[string]$_.Name]
                [ordered]@{
                    name         = [string]$_.Name
                    description  = [string]$_.InterfaceDescription
                    address      = if ($ip) { [string]$ip.IPAddress } else { $null }
                    prefixLength = if ($ip) { [int]$ip.PrefixLength } else { 0 }
                    teamed       = $teamed.ContainsKey([string]$_.Name) -or $setUplinks.ContainsKey([string]$_.InterfaceDescription)
                }
            })

        # Drivers of the real devices only: a PCI hardware id leaves out WAN Miniports, Hyper-V virtual
        # adapters and the cluster's NetFT adapter; every distinct device and version is reported.
        $drivers = @(Get-CimInstance -ClassName Win32_PnPSignedDriver | Where-Object {
                ($_.DeviceClass -in @('NET', 'SCSIADAPTER') -and ([string](Get-ChatOpsProperty $_ 'HardWareID')) -like 'PCI\*') -or
                ([string]$_.DeviceName) -match 'Multi-Path|DSM'
            } | ForEach-Object {
                $class = if (([string]$_.DeviceName) -match 'Multi-Path|DSM') { 'MPIO' } elseif ($_.DeviceClass -eq 'NET') { 'NIC' } else { 'HBA' }
                '{0}|{1}|{2}' -f $class, [string]$_.DeviceName, [string]$_.DriverVersion
            } | Sort-Object -Unique | ForEach-Object {
                $parts = $_.Split('|')
                [ordered]@{ deviceClass = $parts[0]; name = $parts[1]; version = $parts[2] }
            })

        $bios = (Get-ChatOpsFirst @(Get-CimInstance -ClassName Win32_BIOS))
        $released = Get-ChatOpsProperty $bios 'ReleaseDate'
        $biosVersion = [string]$bios.SMBIOSBIOSVersion
        if ($released -is [datetime]) { $biosVersion = '{0} {1:yyyy-MM-dd}' -f $biosVersion, $released }
        $firmware = @([ordered]@{ component = 'BIOS'; version = $biosVersion })

        # Up to 2012 R2 the host's integration services are those of its VM management service. From 2016
        # they reach guests through Windows Update; there each VM's services say whether they lag.
        $integration = $null
        if ([version]$os.Version -lt [version]'10.0') {
            $vmmsPath = ([string]$os.SystemDirectory).TrimEnd('\') + '\vmms.exe'
            $vmms = (Get-ChatOpsFirst @(Get-CimInstance -ClassName CIM_DataFile -Filter ("Name='{0}'" -f ($vmmsPath -replace '\\', '\\'))))
            if ($vmms) { $integration = [string]$vmms.Version }
        }
        $lagging = @{}
        $reported = @{}
        foreach ($service in @(Get-VMIntegrationService -VMName '*')) {
            $key = [string][guid]$service.VMId
            $status = [string](Get-ChatOpsProperty $service 'SecondaryOperationalStatus')
            if ($status) { $reported[$key] = $true }
            if ($status -eq 'ProtocolMismatch') { $lagging[$key] = $true }
        }

        # VM config links: <GUID>.xml up to 2012 R2, <GUID>.vmcx from 2016.
        $linkFolder = Get-ChatOpsVmLinkFolder
        $links = @()
        if (Test-Path -LiteralPath $linkFolder) {
            $links = @(Get-ChildItem -LiteralPath $linkFolder | Where-Object { $_.Extension -in @('.xml', '.vmcx') } |
                ForEach-Object { [regex]::Match($_.BaseName, "^$guidPattern$").Value } | Where-Object { $_ } | Sort-Object -Unique)
        }

        # Disks this node sees: CSVs by their per-node state (2012 R2 and later; unknown before), other
        # clustered disks by their DiskIdGuid among this node's disks.
        $visible = $null
        if (Test-ChatOpsCommand 'Get-ClusterSharedVolumeState') {
            $visible = @(Get-ClusterSharedVolumeState -Node $NodeName | Where-Object { ([string]$_.StateInfo) -ne 'Unavailable' } | ForEach-Object { [string]$_.Name })
            if (Test-ChatOpsCommand 'Get-Disk') {
                $local = @{}
                foreach ($disk in @(Get-Disk)) { if (Get-ChatOpsProperty $disk 'Guid') { $local[([string]$disk.Guid).Trim('{}').ToLowerInvariant()] = $true } }
                $csvNames = @(Get-ClusterSharedVolume | ForEach-Object { [string]$_.Name })
                foreach ($resource in @(Get-ClusterResource | Where-Object { $_.ResourceType.Name -eq 'Physical Disk' -and [string]$_.Name -notin $csvNames })) {
                    $id = ([string](Get-ClusterParameter -InputObject $resource -Name DiskIdGuid).Value).Trim('{}').ToLowerInvariant()
                    if ($id -and $local.ContainsKey($id)) { $visible += [string]$resource.Name }
                }
            }
        }

        # DNS: a peer is resolvable when DNS answers an A record (an alias answers a CNAME first). A
        # cached A record of a name in this node's domain is stale when the node's DNS server, asked
        # directly (not the cache), answers it with none of the cached addresses. Negative entries
        # (no data) and names outside the domain (CDNs, round-robin services) are not judged.
        $peers = @(if ($PeerNodes) { $PeerNodes.Split(',', [StringSplitOptions]::RemoveEmptyEntries) })
        $resolvable = @($peers | Where-Object {
                @(Resolve-DnsName -Name $_ -Type A -DnsOnly -ErrorAction SilentlyContinue | Where-Object { [string]$_.Type -eq 'A' }).Count -gt 0
            })
        $server = (Get-ChatOpsFirst @(Get-DnsClientServerAddress -AddressFamily IPv4 | ForEach-Object { @($_.ServerAddresses) } | Where-Object { $_ }))
        $stale = @()
        if ($server) {
            $domain = '.' + [string]$system.Domain
            $stale = @(Get-DnsClientCache -Type A | Where-Object { $_.Data -and ([string]$_.Entry).EndsWith($domain, [StringComparison]::OrdinalIgnoreCase) } |
                Microsoft.PowerShell.Utility\Select-Object -First 100 | Group-Object Entry | ForEach-Object {
                    $cached = @($_.Group | ForEach-Object { [string]$_.Data })
                    $fresh = @(Resolve-DnsName -Name $_.Name -Type A -DnsOnly -Server $server -QuickTimeout -ErrorAction SilentlyContinue |
                        Where-Object { [string]$_.Type -eq 'A' } | ForEach-Object { [string]$_.IPAddress })
                    if ($fresh.Count -gt 0 -and -not ($cached | Where-Object { $_ -in $fresh })) { [string]$_.Name }
                })
        }

        # One call for every VM's adapters, grouped by VM id (names need not be unique).
        $adapters = @{}
        foreach ($adapter in @(Get-VMNetworkAdapter -VMName '*')) {
            $key = [string][guid]$adapter.VMId
            if (-not $adapters.ContainsKey($key)) { $adapters[$key] = @() }
            $adapters[$key] += [ordered]@{ name = [string]$adapter.Name; legacy = [bool]$adapter.IsLegacy; addresses = @($adapter.IPAddresses | ForEach-Object { [string]$_ }) }
        }

        $vms = @(Get-VM | ForEach-Object {
                $key = [string][guid]$_.Id
                $guestVersion = Get-ChatOpsProperty $_ 'IntegrationServicesVersion'
                [ordered]@{
                    id                          = $key
                    name                        = [string]$_.Name
                    state                       = ([string]$_.State)
                    startupMemoryMb             = [long]($_.MemoryStartup / 1MB)
                    integrationServices         = if ($guestVersion) { [string]$guestVersion } else { '0.0' }
                    integrationServicesOutdated = if ($reported.ContainsKey($key)) { $lagging.ContainsKey($key) } else { $null }
                    configurationLocation       = [string]$_.ConfigurationLocation
                    nics                        = @(if ($adapters.ContainsKey($key)) { $adapters[$key] })
                }
            })

        Write-ChatOpsResult ([ordered]@{
            name                = $NodeName
            osBuild             = $osBuild
            memoryTotalMb       = [long]($os.TotalVisibleMemorySize / 1KB)
            memoryFreeMb        = [long]($os.FreePhysicalMemory / 1KB)
            hardware            = $hardware
            nics                = $nics
            drivers             = $drivers
            firmware            = $firmware
            hotfixes            = $hotfixes
            # HP Automatic Server Recovery is set in the BIOS/iLO; Windows has no documented way to read it.
            asrEnabled          = $null
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
}
