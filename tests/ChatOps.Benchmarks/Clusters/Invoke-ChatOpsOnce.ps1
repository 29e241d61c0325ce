# Benchmark peer: what the process-per-call runner paid on every call. A new PowerShell process
# builds the node's JEA session from the session configuration file (as New-PSSession had the
# node do), calls one function with bound parameters, prints its JSON and exits.
param(
    [Parameter(Mandatory)] [string] $SessionConfiguration,
    [Parameter(Mandatory)] [string] $Fixture,
    [Parameter(Mandatory)] [string] $NodesRoot,
    [Parameter(Mandatory)] [string] $Node,
    [Parameter(Mandatory)] [string] $Command)
$ErrorActionPreference = 'Stop'
$state = [System.Management.Automation.Runspaces.InitialSessionState]::CreateFromSessionConfigurationFile($SessionConfiguration, [Func[string, bool]] { $true })
$state.TranscriptDirectory = $null
[System.Management.Automation.Runspaces.InitialSessionState].GetField('_wasExecutionPolicySet', [System.Reflection.BindingFlags] 'NonPublic,Instance').SetValue($state, $false)
$state.ImportPSModule((Join-Path $PSScriptRoot '../PowerShell/Fakes/Modules/ChatOpsFakeWindows'))
foreach ($entry in @{ PSSenderInfo = 'benchmark'; ChatOpsFakeCluster = $Fixture; ChatOpsFakeNode = $Node; ChatOpsFakeLog = (Join-Path $NodesRoot 'calls.log'); ChatOpsFakeNodesRoot = $NodesRoot }.GetEnumerator()) {
    $state.Variables.Add([System.Management.Automation.Runspaces.SessionStateVariableEntry]::new($entry.Key, $entry.Value, ''))
}
$runspace = [runspacefactory]::CreateRunspace($state)
$runspace.Open()
$shell = [powershell]::Create($runspace).AddCommand($Command).AddParameter('NodeName', $Node)
$shell.Invoke()
