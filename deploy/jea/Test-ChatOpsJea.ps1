#Requires -Version 5.1
<#
.SYNOPSIS
    Proves the ChatOps JEA endpoint on a node works, read only. Run it on each node after
    Register-ChatOpsJea.ps1 (as an administrator, with the bot's credential), and from the bot host as
    the bot's own account (-ComputerName; deploy/README.md says how to run it as a gMSA).
.DESCRIPTION
    Checks, and prints PASS/FAIL for each:
      1. the session configuration is registered, NoLanguage, with a virtual account or gMSA;
      2. the ChatOpsJea module and its role capability are installed, writable by administrators only;
      3. the transcript folder is not readable by standard users;
      4. a session opens as the given account (or the account running this) and shows exactly the six
         ChatOps functions;
      5. the two read-only functions answer with their JSON documents (cluster view, the node's inventory);
      6. the safe actions refuse a malformed argument by parameter validation before they run (nothing is
         killed or removed); any other error (access denied, a missing command, a broken endpoint) fails.
    Checks 1-3 read the node's own configuration: they run only on the node itself, elevated. With
    -ComputerName naming another computer only checks 4-6 run, so the bot's account needs no rights
    beyond the endpoint.
    Exits 0 when every check that ran passed, 1 otherwise.
.EXAMPLE
    .\Test-ChatOpsJea.ps1 -Credential (Get-Credential 'CONTOSO\svc-chatops')
.EXAMPLE
    .\Test-ChatOpsJea.ps1 -ComputerName HV01.contoso.local
#>
[CmdletBinding()]
param(
    # The bot's account (a member of the endpoint's group); default: the current user.
    [Parameter()]
    [System.Management.Automation.PSCredential] $Credential,

    [Parameter()]
    [ValidatePattern('^[A-Za-z][A-Za-z0-9.]{0,63}$')]
    [string] $Name = 'ChatOps',

    # The node to test (its name or FQDN, as the bot's configuration has it); default: this computer.
    [Parameter()]
    [ValidatePattern('^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$')]
    [string] $ComputerName = $env:COMPUTERNAME
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$results = New-Object System.Collections.Generic.List[object]

function Test-Step([string] $Check, [scriptblock] $Body) {
    try {
        $detail = & $Body
        $results.Add([pscustomobject]@{ Result = 'PASS'; Check = $Check; Detail = [string]$detail })
    }
    catch {
        $results.Add([pscustomobject]@{ Result = 'FAIL'; Check = $Check; Detail = $_.Exception.Message })
    }
}

function Test-NoUserAccess([string] $Path, [string[]] $Forbidden, [string[]] $Also = @()) {
    $identities = @('BUILTIN\Users', 'Everyone', 'NT AUTHORITY\Authenticated Users') + $Also
    $rules = (Get-Acl -LiteralPath $Path).Access | Where-Object { $_.AccessControlType -eq 'Allow' -and [string]$_.IdentityReference -in $identities }
    foreach ($rule in @($rules)) {
        foreach ($right in $Forbidden) {
            if (($rule.FileSystemRights -band [System.Security.AccessControl.FileSystemRights]$right) -eq [System.Security.AccessControl.FileSystemRights]$right) {
                throw "$($rule.IdentityReference) has $right on $Path"
            }
        }
    }
}

function Test-ValidationRefusal {
    # True when the error is the endpoint refusing a parameter value before the function ran (its
    # ValidatePattern/ValidateSet, or a value that does not convert to the parameter's type); false for
    # every other error: access denied, a command that is not there, a broken session, the function failing.
    # Calling [powershell]::Invoke() from script wraps the error in a MethodInvocationException, whose
    # message always says "argument(s)"; over remoting the inner exception is a RemoteException whose
    # ErrorRecord keeps the node's FullyQualifiedErrorId and category (ErrorRecord.FromPSObjectForRemoting in
    # PowerShell's engine/ErrorPackage.cs). So every error record in the chain is read, never the message.
    param(
        [Parameter(Mandatory)]
        [System.Management.Automation.ErrorRecord] $ErrorRecord
    )
    $records = New-Object System.Collections.Generic.List[System.Management.Automation.ErrorRecord]
    $records.Add($ErrorRecord)
    for ($exception = $ErrorRecord.Exception; $null -ne $exception; $exception = $exception.InnerException) {
        if ($exception -is [System.Management.Automation.IContainsErrorRecord] -and $null -ne $exception.ErrorRecord) {
            $records.Add($exception.ErrorRecord)
        }
    }
    foreach ($record in $records) {
        # 'ParameterArgumentValidationError,<command>' (ParameterBindingValidationException) or
        # 'ParameterArgumentTransformationError,<command>', both in category InvalidData.
        if ([string]$record.FullyQualifiedErrorId -match '^ParameterArgument(Validation|Transformation)Error(,|$)' -and
            $record.CategoryInfo.Category -eq [System.Management.Automation.ErrorCategory]::InvalidData) {
            return $true
        }
    }
    return $false
}

function Invoke-Endpoint([string] $Command, [hashtable] $Parameters = @{}) {
    # As the bot calls it: a command and bound parameters on the session's runspace, never script text.
    $shell = [powershell]::Create()
    $shell.Runspace = $session.Runspace
    [void]$shell.AddCommand($Command)
    foreach ($parameter in $Parameters.GetEnumerator()) { [void]$shell.AddParameter($parameter.Key, $parameter.Value) }
    try { $shell.Invoke() } finally { $shell.Dispose() }
}

$functions = @('Clear-ChatOpsDnsCache', 'Get-ChatOpsClusterEvents', 'Get-ChatOpsClusterView', 'Get-ChatOpsNodeInventory', 'Remove-ChatOpsStaleLink', 'Stop-ChatOpsClusterService', 'Stop-ChatOpsVmWorker')
$configuration = $null
$node = $ComputerName.Split('.')[0]
$onThisNode = $node -eq $env:COMPUTERNAME

if ($onThisNode) {
    # Reading the session configuration needs an elevated administrator; the endpoint itself does not.
    $elevated = ([System.Security.Principal.WindowsPrincipal][System.Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
    Test-Step "Endpoint '$Name' registered, NoLanguage, own account" {
        if (-not $elevated) { throw 'run this elevated on the node to read its session configuration' }
        $script:configuration = Get-PSSessionConfiguration -Name $Name
        if ($configuration.LanguageMode -ne 'NoLanguage') { throw "LanguageMode is $($configuration.LanguageMode)" }
        if ($configuration.SessionType -ne 'RestrictedRemoteServer') { throw "SessionType is $($configuration.SessionType)" }
        # A gMSA endpoint has no RunAsVirtualAccount property and a virtual-account one no gMSA: read what is there.
        $properties = @($configuration.PSObject.Properties.Name)
        $virtual = $properties -contains 'RunAsVirtualAccount' -and [string]$configuration.RunAsVirtualAccount -eq 'true'
        $gmsa = $properties -contains 'GroupManagedServiceAccount' -and [string]$configuration.GroupManagedServiceAccount
        if (-not ($virtual -or $gmsa)) { throw 'neither a virtual account nor a gMSA' }
        "roles: $($configuration.RoleDefinitions)"
    }

    Test-Step 'ChatOpsJea module and role capability installed, administrators only' {
        $module = Get-Module -ListAvailable -Name ChatOpsJea | Sort-Object Version -Descending | Select-Object -First 1
        if (-not $module) { throw 'module ChatOpsJea not found on PSModulePath' }
        if (-not (Test-Path -LiteralPath (Join-Path $module.ModuleBase 'RoleCapabilities\ChatOps.psrc'))) { throw 'RoleCapabilities\ChatOps.psrc missing' }
        # Local System reads the role capability and its module, never writes them (role-capabilities.md).
        Test-NoUserAccess $module.ModuleBase @('Write') -Also 'NT AUTHORITY\SYSTEM'
        "$($module.Version) at $($module.ModuleBase)"
    }

    Test-Step 'Transcripts not readable by standard users' {
        $folder = if ($configuration -and @($configuration.PSObject.Properties.Name) -contains 'TranscriptDirectory') { [string]$configuration.TranscriptDirectory } else { '' }
        if (-not $folder) { throw 'no TranscriptDirectory' }
        Test-NoUserAccess $folder @('ReadData')
        $folder
    }
}

$session = $null
Test-Step "Session to $ComputerName opens as $(if ($Credential) { $Credential.UserName } else { [System.Security.Principal.WindowsIdentity]::GetCurrent().Name }) and shows only the seven functions" {
    $options = @{ ComputerName = $ComputerName; ConfigurationName = $Name }
    if ($Credential) { $options.Credential = $Credential }
    $script:session = New-PSSession @options
    $visible = @(Invoke-Endpoint 'Get-Command' | Where-Object { $_.Name -like '*-ChatOps*' } | ForEach-Object { [string]$_.Name } | Sort-Object)
    if (($visible -join ',') -ne ($functions -join ',')) { throw "visible: $($visible -join ', ')" }
    "$($visible.Count) functions"
}

if ($session) {
    Test-Step 'Get-ChatOpsClusterView answers' {
        $json = (Invoke-Endpoint 'Get-ChatOpsClusterView') -join "`n" | ConvertFrom-Json
        "cluster $($json.name): $(@($json.nodes).Count) nodes, $(@($json.vms).Count) VMs, witness $($json.quorum.witness)"
    }
    Test-Step "Get-ChatOpsNodeInventory answers for $node" {
        $json = (Invoke-Endpoint 'Get-ChatOpsNodeInventory' @{ NodeName = $node }) -join "`n" | ConvertFrom-Json
        "build $($json.osBuild), $(@($json.vms).Count) VMs, $(@($json.nics).Count) NICs, $(@($json.drivers).Count) drivers"
    }
    Test-Step "Get-ChatOpsClusterEvents answers for $node" {
        $json = (Invoke-Endpoint 'Get-ChatOpsClusterEvents' @{ SinceMinutes = 60 }) -join "`n" | ConvertFrom-Json
        (@($json.sources) | ForEach-Object {
                if ($_.events -is [pscustomobject] -and $_.events.PSObject.Properties['error']) { "$($_.log): unread ($($_.events.error.message))" }
                else { "$($_.log): $(@($_.events).Count) event(s)" }
            }) -join '; '
    }
    Test-Step 'Safe actions refuse a malformed argument before running' {
        # A deadline already past: if validation ever let one through, the node would still change nothing.
        $past = '2000-01-01T00:00:00Z'
        foreach ($call in @(
                @{ Command = 'Stop-ChatOpsVmWorker'; Parameters = @{ NodeName = $node; VmId = 'not-a-guid'; NotAfter = $past } },
                @{ Command = 'Remove-ChatOpsStaleLink'; Parameters = @{ NodeName = $node; VmId = '*'; NotAfter = $past } },
                @{ Command = 'Stop-ChatOpsClusterService'; Parameters = @{ NodeName = "$node;x"; ExpectedQuorum = 'Kept'; NotAfter = $past } },
                @{ Command = 'Clear-ChatOpsDnsCache'; Parameters = @{ NodeName = $node; NotAfter = '2000-01-01 00:00:00' } })) {
            $refused = $false
            try {
                Invoke-Endpoint $call.Command $call.Parameters | Out-Null
            }
            catch {
                if (-not (Test-ValidationRefusal $_)) { throw "$($call.Command) failed, but not by parameter validation: $($_.Exception.Message)" }
                $refused = $true
            }
            if (-not $refused) { throw "not refused: $($call.Command)" }
        }
        'each refused by parameter validation'
    }
    Remove-PSSession -Session $session
}

$results | Format-Table -AutoSize -Wrap | Out-String -Width 160 | Write-Output
if (@($results | Where-Object Result -eq 'FAIL').Count -gt 0) { exit 1 }
exit 0
