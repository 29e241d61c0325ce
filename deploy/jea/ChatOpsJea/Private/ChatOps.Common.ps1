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
    # By what the error is, never by its (localized) message text: the exception's type and HResult
    # (E_ACCESSDENIED 0x80070005) and the record's CategoryInfo.
    param([Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $Record)
    $exception = $Record.Exception
    $category = [string]$Record.CategoryInfo.Category
    if ($exception -is [System.UnauthorizedAccessException] -or $exception.HResult -eq -2147024891 -or $category -in @('PermissionDenied', 'SecurityError')) {
        return 'AccessDenied'
    }
    if ($exception -is [System.Management.Automation.ItemNotFoundException] -or $exception -is [System.Management.Automation.CommandNotFoundException] -or
        $category -eq 'ObjectNotFound') {
        return 'NotFound'
    }
    if ($category -in @('ConnectionError', 'ResourceUnavailable', 'OperationTimeout')) {
        return 'Unreachable'
    }
    return 'Error'
}

function New-ChatOpsPartError {
    # One part of a document that could not be read: its value is replaced by this one shape,
    # {"error":{"kind":...,"message":...}}, and the other parts are read all the same.
    param([Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $Record)
    return [ordered]@{ error = [ordered]@{ kind = (Get-ChatOpsErrorKind -Record $Record); message = [string]$Record.Exception.Message } }
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
    # Would the cluster keep quorum without one node? The same rules as the bot's QuorumCalculator
    # (learn.microsoft.com "Understand cluster and pool quorum"): with dynamic quorum on (DynamicQuorum,
    # the default from 2012) the live votes count, each node's DynamicWeight and the witness's
    # WitnessDynamicWeight, and quorum holds while the votes left are more than half of the live votes
    # now; without it every node votes its NodeWeight (1 when not reported) and a witness 1, and more
    # than half of all configured votes must be present. -Without is compared by its short name (the
    # cluster lists nodes by NetBIOS name); a name that matches no node is an error, so a mistyped or
    # fully qualified name can never skip the check.
    param([Parameter(Mandatory)] [string] $Without)
    $short = $Without.Split('.')[0]
    $cluster = Get-Cluster
    $nodes = @(Get-ClusterNode)
    if (-not ($nodes | Where-Object { [string]$_.Name -eq $short })) {
        Exit-ChatOpsError -Kind 'Refused' -Message "$Without is not a node of cluster $($cluster.Name); nothing was killed."
    }
    $settings = Get-ClusterQuorum
    $resource = $settings.QuorumResource
    $witness = if ($resource -and ([string]$resource.ResourceType.Name) -in @('File Share Witness', 'Cloud Witness', 'Physical Disk')) { 1 } else { 0 }
    if (([string]$settings.QuorumType) -eq 'DiskOnly') {
        # Disk only (legacy): kept while another node can hold the quorum disk.
        $others = @($nodes | Where-Object { [string]$_.Name -ne $short -and ([string]$_.State) -in @('Up', 'Paused') }).Count
        $left = if ($others -gt 0) { 1 } else { 0 }
        return @{ Total = 1; After = $left; Needed = 1; Kept = ($left -eq 1); Live = $false }
    }
    $live = (Get-ChatOpsProperty $cluster 'DynamicQuorum') -eq 1 -and -not ($nodes | Where-Object { $null -eq (Get-ChatOpsProperty $_ 'DynamicWeight') })
    $total = 0
    $after = 0
    foreach ($node in $nodes) {
        $up = ([string]$node.State) -in @('Up', 'Paused')
        $weight = Get-ChatOpsProperty $node 'NodeWeight'
        if ($null -eq $weight) { $weight = 1 }
        $vote = if ($live) { [int](Get-ChatOpsProperty $node 'DynamicWeight') } else { [int]$weight }
        $total += $vote
        if (($live -or $up) -and [string]$node.Name -ne $short) { $after += $vote }
    }
    if ($live) {
        $witnessVote = Get-ChatOpsProperty $cluster 'WitnessDynamicWeight'
        if ($null -eq $witnessVote) { $witnessVote = $witness }
        $total += [int]$witnessVote
        $after += [int]$witnessVote
    }
    else {
        $total += $witness
        if ($resource -and [string]$resource.State -eq 'Online') { $after += $witness }
    }
    $needed = ($total - ($total % 2)) / 2 + 1
    return @{ Total = $total; After = $after; Needed = $needed; Kept = ($after -ge $needed); Live = $live }
}

function Test-ChatOpsDeadlinePassed {
    # Whether the bot's deadline for an action (UTC, 'yyyy-MM-ddTHH:mm:ssZ') has passed by this node's clock,
    # checked just before the node changes anything: past it, the instance that sent the call may have been
    # written off and the action asked again elsewhere, so the node must not act. A [datetime] cast from a
    # string ending in Z is local time in Windows PowerShell 5.1 and PowerShell 7, and comparing [datetime]
    # values ignores their kind: both sides are made UTC first. Only [datetime] members: ConstrainedLanguage allows them.
    param([Parameter(Mandatory)] [string] $NotAfter)
    return ([datetime]::UtcNow -gt ([datetime]$NotAfter).ToUniversalTime())
}

function Stop-ChatOpsProcessById {
    # Win32_Process.Terminate on one process. "To terminate a process that you do not own, enable the
    # SeDebugPrivilege privilege" (the method's page): clussvc.exe runs as SYSTEM and vmwp.exe as its
    # VM's account. The endpoint's account is a local administrator, which holds SeDebugPrivilege
    # ("Debug programs") disabled; the CIM cmdlets cannot enable it, Invoke-WmiMethod -EnableAllPrivileges
    # (Windows PowerShell 5.1) enables the caller's privileges for the call. A non-zero return (2 access
    # denied, 3 insufficient privilege, ...) fails the action with that number and why.
    param([Parameter(Mandatory)] [int] $ProcessId, [Parameter(Mandatory)] [string] $Label)
    $result = Invoke-WmiMethod -Path ("Win32_Process.Handle='{0}'" -f $ProcessId) -Name Terminate -EnableAllPrivileges
    $code = [int]$result.ReturnValue
    if ($code -ne 0) {
        $why = switch ($code) {
            2 { 'access denied: the endpoint account needs the "Debug programs" right (SeDebugPrivilege), which local administrators have unless a policy removed it' }
            3 { 'insufficient privilege' }
            9 { 'the process is gone' }
            default { 'see the Win32_Process Terminate method page' }
        }
        Exit-ChatOpsError -Kind $(if ($code -eq 2) { 'AccessDenied' } else { 'Error' }) -Message "Terminate $Label (pid $ProcessId) returned $code ($why); nothing else was done."
    }
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

function Get-ChatOpsRegisteredVms {
    # Every VM registered in this node's Hyper-V, or, when Hyper-V did not answer, a refusal sentence.
    # An error from Get-VM (VMMS stopped, access denied, a WMI timeout) is never evidence that a VM is
    # not here: with VMMS stopped Get-VM writes ObjectNotFound, the same category as a missing object.
    param([Parameter(Mandatory)] [string] $NodeName, [Parameter(Mandatory)] [string] $Action)
    try { return , @(Get-VM) }
    catch { return "Hyper-V on $NodeName did not answer ($([string]$_.Exception.Message)), so it is not known which VMs are registered there; $Action." }
}
