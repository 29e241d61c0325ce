# Written for ConstrainedLanguage too: under App Control (enforced on Azure Local) an untrusted
# module runs in it, so the functions call methods only on core types (strings, GUIDs, numbers) and
# turn the cmdlets' enums into strings with [string] casts, never .ToString().
#
# Shared by every ChatOps function: one JSON document as the only output, or a terminating error
# whose message is one JSON document {"error":{"kind":...,"message":...}}. Through remoting the
# bot receives the output as one string (Unicode end to end, whatever the console code page) and
# the error as a RemoteException carrying the same message.

function Write-ChatOpsResult {
    param([Parameter(Mandatory)] [AllowNull()] $InputObject)
    # -Depth 6: the deepest document (node inventory: vms -> nics -> addresses) is four levels.
    $InputObject | ConvertTo-Json -Depth 6 -Compress
}

function Get-ChatOpsErrorKind {
    param([Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $Record)
    $exception = $Record.Exception
    $text = $exception.Message
    if ($exception -is [System.UnauthorizedAccessException] -or $Record.CategoryInfo.Category -eq 'PermissionDenied' -or $text -match 'Access is denied') {
        return 'AccessDenied'
    }
    if ($exception -is [System.Management.Automation.ItemNotFoundException] -or $exception -is [System.Management.Automation.CommandNotFoundException] -or
        $Record.CategoryInfo.Category -eq 'ObjectNotFound') {
        return 'NotFound'
    }
    if ($text -match 'cannot connect|could not be contacted|WinRM cannot|RPC server is unavailable') {
        return 'Unreachable'
    }
    return 'Error'
}

function Exit-ChatOpsError {
    param(
        [Parameter(Mandatory)] [ValidateSet('NotFound', 'AccessDenied', 'Unreachable', 'Refused', 'Error')] [string] $Kind,
        [Parameter(Mandatory)] [string] $Message)
    throw ([ordered]@{ error = [ordered]@{ kind = $Kind; message = $Message } } | ConvertTo-Json -Compress)
}

function Exit-ChatOpsFailure {
    param([Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $Record)
    # An error already written by Exit-ChatOpsError passes unchanged.
    $text = $Record.Exception.Message
    if ($text.StartsWith('{"error":')) { throw $text }
    Exit-ChatOpsError -Kind (Get-ChatOpsErrorKind -Record $Record) -Message $text
}

function Get-ChatOpsProperty {
    # Reads a property that older Windows versions lack (StrictMode throws on a missing one), with
    # property reads only, which ConstrainedLanguage allows on any object.
    param([Parameter(Mandatory)] [AllowNull()] $InputObject, [Parameter(Mandatory)] [string] $Name)
    if ($null -eq $InputObject -or @($InputObject.PSObject.Properties.Name) -notcontains $Name) { return $null }
    return $InputObject.$Name
}

function Test-ChatOpsCommand {
    # -ErrorAction SilentlyContinue does not catch a command that does not exist (under StrictMode
    # and Stop it throws CommandNotFoundException), so ask first: Get-ClusterSharedVolumeState is
    # absent before 2012 R2, Get-VMSwitchTeam before 2016, Get-NetLbfoTeam on Azure Local images.
    param([Parameter(Mandatory)] [string] $Name)
    return $null -ne (Microsoft.PowerShell.Core\Get-Command -Name $Name -CommandType Cmdlet, Function -ListImported -ErrorAction Ignore)
}

function Get-ChatOpsFirst {
    # The first item or $null: under StrictMode 3 indexing an empty array throws.
    param([Parameter(Mandatory)] [AllowNull()] [AllowEmptyCollection()] [object[]] $Items)
    if ($null -ne $Items -and $Items.Count -gt 0) { return $Items[0] }
    return $null
}

function Import-ChatOpsModule {
    # The node's own modules, imported explicitly: a role function cannot count on auto-loading.
    # -Optional: a module some versions lack (NetLbfo on Azure Local images); then its commands are simply absent.
    param([Parameter(Mandatory)] [string[]] $Name, [switch] $Optional)
    foreach ($module in $Name) {
        if (Get-Module -Name $module) { continue }
        if ($Optional -and -not (Get-Module -Name $module -ListAvailable)) { continue }
        Import-Module -Name $module -ErrorAction Stop
    }
}

function Get-ChatOpsQuorumVotes {
    # The cluster's votes now and without one node. Dynamic quorum (2012 R2 and later) keeps each
    # node's current vote in DynamicWeight and the witness's in the cluster's WitnessDynamicWeight;
    # before that every Up or Paused node votes its NodeWeight (1 when unknown) and an online witness 1.
    # -Without is compared by its short name (the cluster lists nodes by NetBIOS name); a name that
    # matches no node is an error, so a mistyped or fully qualified name can never skip the check.
    param([Parameter(Mandatory)] [string] $Without)
    $short = $Without.Split('.')[0]
    $cluster = Get-Cluster
    $now = 0
    $mine = $null
    foreach ($node in @(Get-ClusterNode)) {
        $dynamic = Get-ChatOpsProperty $node 'DynamicWeight'
        $weight = Get-ChatOpsProperty $node 'NodeWeight'
        $vote = if ($null -ne $dynamic) { [int]$dynamic } elseif (([string]$node.State) -in @('Up', 'Paused')) { if ($null -ne $weight) { [int]$weight } else { 1 } } else { 0 }
        $now += $vote
        if ([string]$node.Name -eq $short) { $mine = $vote }
    }
    if ($null -eq $mine) { Exit-ChatOpsError -Kind 'Refused' -Message "$Without is not a node of cluster $($cluster.Name); nothing was killed." }
    $witness = Get-ChatOpsProperty $cluster 'WitnessDynamicWeight'
    if ($null -eq $witness) {
        $resource = (Get-ClusterQuorum).QuorumResource
        $witness = if ($resource -and [string]$resource.State -eq 'Online') { 1 } else { 0 }
    }
    $now += [int]$witness
    return @{ Now = $now; After = $now - $mine }
}

function Get-ChatOpsVmLinkFolder {
    # Hyper-V's VM config links under ProgramData. JEA hides every provider (VisibleProviders = @()),
    # env: among them, and ConstrainedLanguage forbids [Environment]: ask .NET where allowed, else
    # take the system drive from CIM (ProgramData is <system drive>\ProgramData unless relocated).
    $programData = $null
    try { $programData = [Environment]::GetEnvironmentVariable('ProgramData') } catch { $programData = $null }
    if (-not $programData) { $programData = [string](Get-CimInstance -ClassName Win32_OperatingSystem).SystemDrive + '\ProgramData' }
    return Join-Path $programData 'Microsoft\Windows\Hyper-V\Virtual Machines'
}

function Stop-ChatOpsProcess {
    # Win32_Process.Terminate on each process; a non-zero return (2 access denied, 3 insufficient
    # privilege, ...) fails the action with that number and names what was killed before it.
    # Returns the ids killed.
    param([Parameter(Mandatory)] [object[]] $Process, [Parameter(Mandatory)] [string] $Label)
    $killed = @()
    foreach ($item in $Process) {
        $result = Invoke-CimMethod -InputObject $item -MethodName Terminate
        if ([int]$result.ReturnValue -ne 0) {
            $before = if ($killed.Count -gt 0) { " after killing pid $($killed -join ', ')" } else { '' }
            Exit-ChatOpsError -Kind 'Error' -Message "Terminate $Label (pid $($item.ProcessId)) returned $($result.ReturnValue)$before."
        }
        $killed += [int]$item.ProcessId
    }
    return $killed
}
