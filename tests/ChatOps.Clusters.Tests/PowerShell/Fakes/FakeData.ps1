# Test fixture only: loads the recorded cluster ($env:CHATOPS_FAKE_CLUSTER, written by the tests from
# the default lab) and tells which node a script is running as (its -NodeName parameter).

function Get-FakeCluster {
    if (-not $env:CHATOPS_FAKE_CLUSTER) { throw 'CHATOPS_FAKE_CLUSTER is not set.' }
    if (-not $script:FakeCluster) {
        $script:FakeCluster = Get-Content -Raw -LiteralPath $env:CHATOPS_FAKE_CLUSTER | ConvertFrom-Json -AsHashtable
    }
    return $script:FakeCluster
}

function Get-FakeNodeName {
    foreach ($frame in Get-PSCallStack) {
        $bound = $frame.GetFrameVariables()['PSBoundParameters']
        if ($bound -and $bound.Value -and $bound.Value.ContainsKey('NodeName')) { return [string]$bound.Value['NodeName'] }
    }
    return [string](Get-FakeCluster).Nodes[0].Name
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
    return $cluster.Hosts[$name]
}

function Write-FakeLog([string] $Text) {
    if ($env:CHATOPS_FAKE_LOG) { Add-Content -LiteralPath $env:CHATOPS_FAKE_LOG -Value $Text }
}
