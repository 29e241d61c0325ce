# Test fixture only. Each fake module is loaded into one node's JEA-faithful session, whose
# runspace variables say which recorded cluster it serves ($global:ChatOpsFakeCluster, a JSON file
# written by the tests), which computer it is ($global:ChatOpsFakeNode) and where to log the calls
# with side effects ($global:ChatOpsFakeLog). The node's C: drive is its own folder under
# $global:ChatOpsFakeNodesRoot, so paths such as C:\ProgramData\...\Virtual Machines are per node.

function Get-FakeCluster {
    if (-not $script:FakeCluster) {
        $script:FakeCluster = Get-Content -Raw -LiteralPath $global:ChatOpsFakeCluster | ConvertFrom-Json -AsHashtable
    }
    return $script:FakeCluster
}

function Get-FakeNodeName {
    # The cluster name answers from the node that owns the core cluster group (the first node that is up).
    $cluster = Get-FakeCluster
    $name = [string]$global:ChatOpsFakeNode
    if ($name -eq $cluster.Cluster.Name) { return [string](@($cluster.Nodes | Where-Object { $_.State -eq 'Up' })[0].Name) }
    return $name
}

function Get-FakeFaults {
    # This node's injected faults (comma-separated in the fixture): Hang, AccessDenied, ClusterServiceStopped,
    # VmmsStopped, TerminateDenied, NoDiskIdGuid.
    $cluster = Get-FakeCluster
    $name = Get-FakeNodeName
    if (-not $cluster.Faults -or -not $cluster.Faults.ContainsKey($name)) { return @() }
    return @(([string]$cluster.Faults[$name]).Split(',') | ForEach-Object { $_.Trim() })
}

function Test-FakeFault([string] $Fault) {
    return (Get-FakeFaults) -contains $Fault
}

function Get-FakeHost {
    $name = Get-FakeNodeName
    $cluster = Get-FakeCluster
    switch (Get-FakeFaults) {
        'Hang' { Start-Sleep -Seconds 600 }
        'AccessDenied' { throw [System.UnauthorizedAccessException]::new("Access is denied on $name.") }
    }
    if (-not $cluster.Hosts.ContainsKey($name)) { throw "The fixture has no host $name." }
    return $cluster.Hosts[$name]
}

function New-FakeErrorRecord {
    # An error record as a Windows cmdlet builds it: the exception (with its HResult), the category and
    # the FullyQualifiedErrorId's first part; PowerShell appends the command's type name as real cmdlets do.
    param([Parameter(Mandatory)] [Exception] $Exception, [Parameter(Mandatory)] [string] $ErrorId,
        [Parameter(Mandatory)] [System.Management.Automation.ErrorCategory] $Category, $Target = $null)
    return [System.Management.Automation.ErrorRecord]::new($Exception, $ErrorId, $Category, $Target)
}

function Write-FakeError {
    # A compiled cmdlet's non-terminating error (WriteError). A compiled cmdlet runs in its caller's scope,
    # so without -ErrorAction it obeys the *caller's* $ErrorActionPreference: under the node module's 'Stop'
    # one error ends the calling function (about_Preference_Variables; MshCommandRuntime.ErrorAction). A
    # script function in another module would read its own module's preference instead, so the caller's
    # value ($Cmdlet.SessionState is the caller's) is copied into this scope, where WriteError reads it.
    # FakeErrorBehaviourTests proves this matches a compiled cmdlet (Get-Item) for every preference.
    param([Parameter(Mandatory)] [System.Management.Automation.PSCmdlet] $Cmdlet, [Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $Record)
    if (-not $Cmdlet.MyInvocation.BoundParameters.ContainsKey('ErrorAction')) {
        $ErrorActionPreference = $Cmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference')
    }
    $Cmdlet.WriteError($Record)
}

function Stop-FakeCmdlet {
    # A compiled cmdlet's terminating error (ThrowTerminatingError): no preference or -ErrorAction hides it.
    param([Parameter(Mandatory)] [System.Management.Automation.PSCmdlet] $Cmdlet, [Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $Record)
    $Cmdlet.ThrowTerminatingError($Record)
}

function Test-FakeCommand([string] $Name) {
    # A command the fixture's Windows version does not have (e.g. Get-ClusterSharedVolumeState before 2012 R2).
    return -not ((Get-FakeCluster).MissingCommands -contains $Name)
}

function Write-FakeLog([string] $Text) {
    Add-Content -LiteralPath $global:ChatOpsFakeLog -Value $Text
}

if ($global:ChatOpsFakeNodesRoot -and -not (Get-PSDrive -Name C -ErrorAction Ignore)) {
    $null = New-PSDrive -Name C -PSProvider FileSystem -Root (Join-Path $global:ChatOpsFakeNodesRoot (Get-FakeNodeName).ToUpperInvariant()) -Scope Global
}

# Windows always has it; the node functions find the Hyper-V config links under it.
if (-not $env:ProgramData) { $env:ProgramData = 'C:\ProgramData' }
