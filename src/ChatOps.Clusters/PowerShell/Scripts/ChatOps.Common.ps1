# Shared by every ChatOps script: one JSON document on stdout, or one JSON error on stderr and a
# non-zero exit. Inside a remoting (JEA) session there is no stderr to read, so the error is thrown
# instead and reaches the caller as a remote error whose message is the same JSON.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

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
    if ($exception -is [System.Management.Automation.ItemNotFoundException] -or $Record.CategoryInfo.Category -eq 'ObjectNotFound') {
        return 'NotFound'
    }
    if ($exception -is [System.Management.Automation.CommandNotFoundException]) {
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
    $json = [ordered]@{ error = [ordered]@{ kind = $Kind; message = $Message } } | ConvertTo-Json -Compress
    if (Get-Variable -Name PSSenderInfo -Scope Global -ErrorAction Ignore) {
        throw $json
    }
    [Console]::Error.WriteLine($json)
    exit 2
}

function Exit-ChatOpsFailure {
    param([Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $Record)
    # An error already written by Exit-ChatOpsError (thrown inside a remote session) passes unchanged.
    $text = $Record.Exception.Message
    if ($text.StartsWith('{"error":')) {
        if (Get-Variable -Name PSSenderInfo -Scope Global -ErrorAction Ignore) { throw $text }
        [Console]::Error.WriteLine($text)
        exit 2
    }
    Exit-ChatOpsError -Kind (Get-ChatOpsErrorKind -Record $Record) -Message $Record.Exception.Message
}

function Get-ChatOpsProperty {
    # Reads a property that older Windows versions lack (StrictMode throws on a missing one).
    param([Parameter(Mandatory)] [AllowNull()] $InputObject, [Parameter(Mandatory)] [string] $Name)
    if ($null -eq $InputObject) { return $null }
    $property = $InputObject.PSObject.Properties[$Name]
    if ($null -eq $property) { return $null }
    return $property.Value
}
