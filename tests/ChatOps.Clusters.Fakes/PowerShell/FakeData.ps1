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

function Get-FakeHost {
    $name = Get-FakeNodeName
    $cluster = Get-FakeCluster
    if ($cluster.Faults -and $cluster.Faults.ContainsKey($name)) {
        switch ($cluster.Faults[$name]) {
            'Hang' { Start-Sleep -Seconds 600 }
            'AccessDenied' { throw [System.UnauthorizedAccessException]::new("Access is denied on $name.") }
        }
    }
    if (-not $cluster.Hosts.ContainsKey($name)) { throw "The fixture has no host $name." }
    return $cluster.Hosts[$name]
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
