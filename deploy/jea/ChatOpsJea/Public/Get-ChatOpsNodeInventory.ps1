function Get-ChatOpsNodeInventory {
    <#
    .SYNOPSIS
        What this node reports about itself: memory, hardware, NICs, drivers, firmware, patch level,
        disks it sees, DNS, VM config links and the VMs registered in its Hyper-V. Read only.
    .DESCRIPTION
        Every part is read on its own: a part that fails (the cluster service stopped, VMMS stopped, a
        WMI class that times out) is reported as {"error":{"kind":...,"message":...}} in place of its
        value and the other parts are still read, so a node whose cluster service is down still says
        which VMs its Hyper-V runs. Only the base (operating system and memory) fails the whole call.
        Where a version lacks a source (a cmdlet, a property) the value is null: unknown, never guessed.
        Whole Get-VM objects are slow on big hosts, so only the properties the checks need are read.
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
        # A module that is missing or fails to load leaves its commands absent; each part that needs
        # them then fails on its own (CimCmdlets too: the base below needs it and says so).
        foreach ($module in @('CimCmdlets', 'Hyper-V', 'FailoverClusters', 'NetAdapter', 'NetTCPIP', 'DnsClient', 'NetLbfo', 'Storage')) {
            try { Import-ChatOpsModule -Optional $module } catch { $null = $_ }
        }

        # The base: without the operating system's own classes nothing about this node can be said.
        $os = Get-CimInstance -ClassName Win32_OperatingSystem
        $system = Get-CimInstance -ClassName Win32_ComputerSystem
        $processor = (Get-ChatOpsFirst @(Get-CimInstance -ClassName Win32_Processor))
    }
    catch {
        Exit-ChatOpsFailure -Record $_
    }

    $doc = [ordered]@{
        name          = $NodeName
        osBuild       = [string]$os.Version
        memoryTotalMb = [long]($os.TotalVisibleMemorySize / 1KB)
        memoryFreeMb  = [long]($os.FreePhysicalMemory / 1KB)
        # HP Automatic Server Recovery is set in the BIOS/iLO; Windows has no documented way to read it.
        asrEnabled    = $null
    }

    # While the hypervisor runs, Win32_Processor reports VirtualizationFirmwareEnabled and SLAT as
    # False (the root partition is itself virtualised); a running hypervisor proves both.
    $hypervisor = [bool](Get-ChatOpsProperty $system 'HypervisorPresent')
    $doc.hardware = [ordered]@{
        virtualization = $hypervisor -or [bool](Get-ChatOpsProperty $processor 'VirtualizationFirmwareEnabled')
        dep            = [bool]$os.DataExecutionPrevention_Available
        x64            = ([string]$os.OSArchitecture) -match '64'
        slat           = $hypervisor -or [bool](Get-ChatOpsProperty $processor 'SecondLevelAddressTranslationExtensions')
    }

    # Patch level: cumulative updates do not all show in Win32_QuickFixEngineering; build + UBR do.
    try {
        $ubr = Invoke-CimMethod -Namespace 'root/cimv2' -ClassName StdRegProv -MethodName GetDWORDValue -Arguments @{
            hDefKey = [uint32]2147483650; sSubKeyName = 'SOFTWARE\Microsoft\Windows NT\CurrentVersion'; sValueName = 'UBR' }
        if ($ubr -and [int]$ubr.ReturnValue -eq 0) { $doc.osBuild = '{0}.{1}' -f $doc.osBuild, $ubr.uValue }
    }
    catch { $null = $_ }

    # The processor as live migration sees it. Microcode: 'Update Revision' (REG_BINARY, 8 bytes little
    # endian; Intel keeps the revision in the high dword, AMD in the low one, so whichever is not zero).
    # Speculation control: FeatureSettingsOverride/Mask are configuration (what the next boot applies),
    # not the mitigations in effect; absent means Windows' defaults. A value not there answers non-zero.
    try {
        $hklm = [uint32]2147483650
        $revision = Invoke-CimMethod -Namespace 'root/cimv2' -ClassName StdRegProv -MethodName GetBinaryValue -Arguments @{
            hDefKey = $hklm; sSubKeyName = 'HARDWARE\DESCRIPTION\System\CentralProcessor\0'; sValueName = 'Update Revision' }
        $microcode = $null
        if ($revision -and [int]$revision.ReturnValue -eq 0 -and @($revision.uValue).Count -eq 8) {
            $bytes = @($revision.uValue)
            $high = ($bytes[7..4] | ForEach-Object { '{0:x2}' -f [int]$_ }) -join ''
            $low = ($bytes[3..0] | ForEach-Object { '{0:x2}' -f [int]$_ }) -join ''
            $word = if ($high -ne '00000000') { $high } else { $low }
            $microcode = '0x' + $(if ($word.TrimStart('0')) { $word.TrimStart('0') } else { '0' })
        }
        $speculation = @{}
        foreach ($name in @('FeatureSettingsOverride', 'FeatureSettingsOverrideMask')) {
            $value = Invoke-CimMethod -Namespace 'root/cimv2' -ClassName StdRegProv -MethodName GetDWORDValue -Arguments @{
                hDefKey = $hklm; sSubKeyName = 'SYSTEM\CurrentControlSet\Control\Session Manager\Memory Management'; sValueName = $name }
            $speculation[$name] = if ($value -and [int]$value.ReturnValue -eq 0) { [long]$value.uValue } else { $null }
        }
        $doc.processor = [ordered]@{
            manufacturer            = [string](Get-ChatOpsProperty $processor 'Manufacturer')
            name                    = ([string](Get-ChatOpsProperty $processor 'Name')).Trim()
            microcode               = $microcode
            featureSettingsOverride = $speculation['FeatureSettingsOverride']
            featureSettingsOverrideMask = $speculation['FeatureSettingsOverrideMask']
        }
    }
    catch { $doc.processor = New-ChatOpsPartError $_ }

    try { $doc.hotfixes = @(Get-HotFix | ForEach-Object { [string]$_.HotFixID } | Sort-Object -Unique) }
    catch { $doc.hotfixes = New-ChatOpsPartError $_ }

    # NICs: the physical adapters (no address when they are a vSwitch uplink), the host's vEthernet
    # adapters and LBFO team interfaces (which hold the addresses on a converged host). Kinds are told
    # by ComponentID (the PnP id: vms_mp for a Hyper-V virtual adapter, KB 2872325; COMPOSITEBUS\MS_IMPLAT_MP
    # for an LBFO team interface), never by the localized InterfaceDescription.
    try {
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
        $hostAdapters = @(Get-NetAdapter -Physical) + @(Get-NetAdapter | Where-Object { ([string](Get-ChatOpsProperty $_ 'ComponentID')) -in @('vms_mp', 'COMPOSITEBUS\MS_IMPLAT_MP') })
        $doc.nics = @($hostAdapters | ForEach-Object {
                $ip = $addresses[[string]$_.Name]
                [ordered]@{
                    name         = [string]$_.Name
                    description  = [string]$_.InterfaceDescription
                    componentId  = [string](Get-ChatOpsProperty $_ 'ComponentID')
                    address      = if ($ip) { [string]$ip.IPAddress } else { $null }
                    prefixLength = if ($ip) { [int]$ip.PrefixLength } else { 0 }
                    teamed       = $teamed.ContainsKey([string]$_.Name) -or $setUplinks.ContainsKey([string]$_.InterfaceDescription)
                }
            })
    }
    catch { $doc.nics = New-ChatOpsPartError $_ }

    # Drivers of the real devices only: a PCI hardware id leaves out WAN Miniports, Hyper-V virtual
    # adapters and the cluster's NetFT adapter; MPIO's class is its own (DeviceClass is not localized).
    try {
        $doc.drivers = @(Get-CimInstance -ClassName Win32_PnPSignedDriver | Where-Object {
                ($_.DeviceClass -in @('NET', 'SCSIADAPTER') -and ([string](Get-ChatOpsProperty $_ 'HardWareID')) -like 'PCI\*') -or
                ([string]$_.DeviceName) -match 'Multi-Path|DSM'
            } | ForEach-Object {
                $class = if (([string]$_.DeviceName) -match 'Multi-Path|DSM') { 'MPIO' } elseif ($_.DeviceClass -eq 'NET') { 'NIC' } else { 'HBA' }
                '{0}|{1}|{2}' -f $class, [string]$_.DeviceName, [string]$_.DriverVersion
            } | Sort-Object -Unique | ForEach-Object {
                $parts = $_.Split('|')
                [ordered]@{ deviceClass = $parts[0]; name = $parts[1]; version = $parts[2] }
            })
    }
    catch { $doc.drivers = New-ChatOpsPartError $_ }

    try {
        $bios = (Get-ChatOpsFirst @(Get-CimInstance -ClassName Win32_BIOS))
        $released = Get-ChatOpsProperty $bios 'ReleaseDate'
        $biosVersion = [string](Get-ChatOpsProperty $bios 'SMBIOSBIOSVersion')
        if ($released -is [datetime]) { $biosVersion = '{0} {1:yyyy-MM-dd}' -f $biosVersion, $released }
        $doc.firmware = @([ordered]@{ component = 'BIOS'; version = $biosVersion })
    }
    catch { $doc.firmware = New-ChatOpsPartError $_ }

    # Up to 2012 R2 the host's integration services are those of its VM management service. From 2016
    # they reach guests through Windows Update; there each VM's services say whether they lag.
    $doc.integrationServices = $null
    if ([version]$os.Version -lt [version]'10.0') {
        try {
            $vmmsPath = ([string]$os.SystemDirectory).TrimEnd('\') + '\vmms.exe'
            $vmms = (Get-ChatOpsFirst @(Get-CimInstance -ClassName CIM_DataFile -Filter ("Name='{0}'" -f ($vmmsPath -replace '\\', '\\'))))
            if ($vmms) { $doc.integrationServices = [string]$vmms.Version }
        }
        catch { $doc.integrationServices = New-ChatOpsPartError $_ }
    }

    # VM config links: <GUID>.xml up to 2012 R2, <GUID>.vmcx from 2016.
    try {
        $linkFolder = Get-ChatOpsVmLinkFolder
        $doc.configLinks = @()
        if (Test-Path -LiteralPath $linkFolder) {
            $doc.configLinks = @(Get-ChildItem -LiteralPath $linkFolder | Where-Object { $_.Extension -in @('.xml', '.vmcx') } |
                ForEach-Object { [regex]::Match($_.BaseName, "^$guidPattern$").Value } | Where-Object { $_ } | Sort-Object -Unique)
        }
    }
    catch { $doc.configLinks = New-ChatOpsPartError $_ }

    # Disks this node sees: CSVs by their per-node state (2012 R2 and later), other clustered disks by
    # their id among this node's disks: DiskIdGuid for GPT, DiskSignature for MBR (the Physical Disk
    # resource has one or the other; DiskIdType 0 = MBR, 1 = GPT). The private properties are read
    # whole and picked by name, so a property a disk does not have is absent, never an error.
    try {
        if (-not (Test-ChatOpsCommand 'Get-ClusterSharedVolumeState')) {
            # A plain message (ConstrainedLanguage creates no exception types); the part's catch carries it.
            throw 'Get-ClusterSharedVolumeState is not available here (it arrived in Windows Server 2012 R2; or the FailoverClusters module did not load): which disks this node sees is unknown.'
        }
        $states = @(Get-ClusterSharedVolumeState -Node $NodeName)
        # How this node reaches each CSV, and why it is redirected: the two reasons are flags enums, so
        # several reasons read as "UserRequest, IncompatibleFileSystemFilter"; NotFileSystemRedirected
        # and NotBlockRedirected (0) are no reason.
        $doc.csvAccess = @($states | ForEach-Object {
                $reasons = @(([string]$_.FileSystemRedirectedIOReason) -split ',') + @(([string]$_.BlockRedirectedIOReason) -split ',') |
                    ForEach-Object { $_.Trim() } | Where-Object { $_ -and $_ -notin @('NotFileSystemRedirected', 'NotBlockRedirected') }
                [ordered]@{ csv = [string]$_.Name; mode = [string]$_.StateInfo; reasons = @($reasons) }
            })
        $visible = @($states | Where-Object { ([string]$_.StateInfo) -ne 'Unavailable' } | ForEach-Object { [string]$_.Name })
        if (Test-ChatOpsCommand 'Get-Disk') {
            $local = @{}
            foreach ($disk in @(Get-Disk)) {
                $guid = Get-ChatOpsProperty $disk 'Guid'
                if ($guid) { $local['gpt:' + ([string]$guid).Trim('{}').ToLowerInvariant()] = $true }
                $signature = Get-ChatOpsProperty $disk 'Signature'
                if ($signature) { $local['mbr:' + [string][uint32]$signature] = $true }
            }
            $csvNames = @(Get-ClusterSharedVolume | ForEach-Object { [string]$_.Name })
            foreach ($resource in @(Get-ClusterResource | Where-Object { ([string]$_.ResourceType.Name) -eq 'Physical Disk' -and [string]$_.Name -notin $csvNames })) {
                $private = @{}
                foreach ($parameter in @(Get-ClusterParameter -InputObject $resource)) { $private[[string]$parameter.Name] = $parameter.Value }
                $key = if ($private['DiskIdGuid']) { 'gpt:' + ([string]$private['DiskIdGuid']).Trim('{}').ToLowerInvariant() }
                elseif ($private['DiskSignature']) { 'mbr:' + [string][uint32]$private['DiskSignature'] }
                else { $null }
                if ($key -and $local.ContainsKey($key)) { $visible += [string]$resource.Name }
            }
        }
        $doc.visibleDisks = $visible
    }
    catch {
        $doc.visibleDisks = New-ChatOpsPartError $_
        $doc.csvAccess = $doc.visibleDisks
    }

    # DNS: a peer is resolvable when DNS answers an A record (an alias answers a CNAME first). A
    # cached A record of a name in this node's domain is stale when the node's DNS server, asked
    # directly (not the cache), answers it with none of the cached addresses. Negative entries
    # (no data) and names outside the domain (CDNs, round-robin services) are not judged.
    try {
        $peers = @(if ($PeerNodes) { $PeerNodes.Split(',', [StringSplitOptions]::RemoveEmptyEntries) })
        $doc.resolvableNodes = @($peers | Where-Object {
                @(Resolve-DnsName -Name $_ -Type A -DnsOnly -ErrorAction SilentlyContinue | Where-Object { [string]$_.Type -eq 'A' }).Count -gt 0
            })
    }
    catch { $doc.resolvableNodes = New-ChatOpsPartError $_ }
    try {
        $server = (Get-ChatOpsFirst @(Get-DnsClientServerAddress -AddressFamily IPv4 | ForEach-Object { @($_.ServerAddresses) } | Where-Object { $_ }))
        $doc.staleDnsEntries = @()
        if ($server) {
            $domain = '.' + [string]$system.Domain
            $doc.staleDnsEntries = @(Get-DnsClientCache -Type A | Where-Object { $_.Data -and ([string]$_.Entry).EndsWith($domain, [StringComparison]::OrdinalIgnoreCase) } |
                Microsoft.PowerShell.Utility\Select-Object -First 100 | Group-Object Entry | ForEach-Object {
                    $cached = @($_.Group | ForEach-Object { [string]$_.Data })
                    $fresh = @(Resolve-DnsName -Name $_.Name -Type A -DnsOnly -Server $server -QuickTimeout -ErrorAction SilentlyContinue |
                        Where-Object { [string]$_.Type -eq 'A' } | ForEach-Object { [string]$_.IPAddress })
                    if ($fresh.Count -gt 0 -and -not ($cached | Where-Object { $_ -in $fresh })) { [string]$_.Name }
                })
        }
    }
    catch { $doc.staleDnsEntries = New-ChatOpsPartError $_ }

    # Hyper-V: the VMs first (the part the split-brain checks need); their integration status and
    # adapters each on their own. The documented forms: VMs piped to Get-VMIntegrationService, and
    # Get-VMNetworkAdapter -All (-VMName takes no wildcards), the host's own adapters left out.
    try {
        $registered = @(Get-VM)
        $lagging = @{}
        $reported = @{}
        $integrationError = $null
        try {
            if ($registered.Count -gt 0) {
                foreach ($service in @($registered | Get-VMIntegrationService)) {
                    $key = [string][guid]$service.VMId
                    $status = [string](Get-ChatOpsProperty $service 'SecondaryOperationalStatus')
                    if ($status) { $reported[$key] = $true }
                    if ($status -eq 'ProtocolMismatch') { $lagging[$key] = $true }
                }
            }
        }
        catch { $integrationError = New-ChatOpsPartError $_ }

        # Processor compatibility for migration, per VM (Get-VMProcessor takes the VMs from the pipeline).
        $compatibility = @{}
        try {
            if ($registered.Count -gt 0) {
                foreach ($cpu in @($registered | Get-VMProcessor)) {
                    $compatibility[[string][guid]$cpu.VMId] = [bool]$cpu.CompatibilityForMigrationEnabled
                }
            }
        }
        catch { $null = $_ }

        $adapters = @{}
        $adaptersError = $null
        try {
            foreach ($adapter in @(Get-VMNetworkAdapter -All | Where-Object { -not (Get-ChatOpsProperty $_ 'IsManagementOs') })) {
                $key = [string][guid]$adapter.VMId
                if (-not $adapters.ContainsKey($key)) { $adapters[$key] = @() }
                $adapters[$key] += [ordered]@{ name = [string]$adapter.Name; legacy = [bool]$adapter.IsLegacy; addresses = @($adapter.IPAddresses | ForEach-Object { [string]$_ }) }
            }
        }
        catch { $adaptersError = New-ChatOpsPartError $_ }

        $doc.vms = @($registered | ForEach-Object {
                $key = [string][guid]$_.Id
                $guestVersion = Get-ChatOpsProperty $_ 'IntegrationServicesVersion'
                [ordered]@{
                    id                          = $key
                    name                        = [string]$_.Name
                    state                       = ([string]$_.State)
                    startupMemoryMb             = [long]($_.MemoryStartup / 1MB)
                    integrationServices         = if ($guestVersion) { [string]$guestVersion } else { '0.0' }
                    integrationServicesOutdated = if ($integrationError) { $integrationError } elseif ($reported.ContainsKey($key)) { $lagging.ContainsKey($key) } else { $null }
                    configurationLocation       = [string]$_.ConfigurationLocation
                    processorCompatibility      = if ($compatibility.ContainsKey($key)) { $compatibility[$key] } else { $null }
                    # The comma keeps a one-adapter list a list (an if's output is unrolled like a pipeline's).
                    nics                        = if ($adaptersError) { $adaptersError } else { , @(if ($adapters.ContainsKey($key)) { $adapters[$key] }) }
                }
            })
    }
    catch { $doc.vms = New-ChatOpsPartError $_ }

    Write-ChatOpsResult $doc
}
