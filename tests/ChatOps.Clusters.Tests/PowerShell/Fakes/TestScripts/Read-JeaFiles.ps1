using namespace System.Management.Automation.Language
# Test script: reads the JEA role capability and session configuration the way PowerShell does
# (data-file AST, no execution) and reports what they expose, as JSON.
param([Parameter(Mandatory)] [string] $Folder)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

function Read-DataFile([string] $Path) {
    $tokens = $null; $errors = $null
    $ast = [Parser]::ParseFile($Path, [ref] $tokens, [ref] $errors)
    if ($errors.Count -gt 0) { throw "$Path does not parse: $($errors[0].Message)" }
    $table = $ast.Find({ param($a) $a -is [HashtableAst] }, $false)
    $result = [ordered]@{}
    foreach ($pair in $table.KeyValuePairs) {
        $result[$pair.Item1.Value] = $pair.Item2
    }
    return $result
}

function Get-Strings($ValueAst) {
    @($ValueAst.FindAll({ param($a) $a -is [StringConstantExpressionAst] }, $true) | ForEach-Object { $_.Value })
}

$psrc = Read-DataFile (Join-Path $Folder 'ChatOps.psrc')
$pssc = Read-DataFile (Join-Path $Folder 'ChatOps.pssc')

$functions = @(foreach ($definition in $psrc['FunctionDefinitions'].FindAll({ param($a) $a -is [HashtableAst] }, $true)) {
    $name = ($definition.KeyValuePairs | Where-Object { $_.Item1.Value -eq 'Name' }).Item2.Extent.Text.Trim("'")
    $body = ($definition.KeyValuePairs | Where-Object { $_.Item1.Value -eq 'ScriptBlock' }).Item2
    $block = $body.Find({ param($a) $a -is [ScriptBlockAst] }, $true)
    [ordered]@{
        name       = $name
        parameters = @(foreach ($parameter in @($block.ParamBlock.Parameters)) {
            [ordered]@{
                name       = $parameter.Name.VariablePath.UserPath
                validation = @($parameter.Attributes | Where-Object { $_.TypeName.Name -in 'ValidateSet', 'ValidatePattern' } | ForEach-Object { $_.TypeName.Name })
            }
        })
        commands   = @($block.FindAll({ param($a) $a -is [CommandAst] }, $true) | ForEach-Object { $_.GetCommandName() } | Where-Object { $_ })
        scripts    = @($block.FindAll({ param($a) $a -is [StringConstantExpressionAst] -and $a.Value -like '*.ps1' }, $true) | ForEach-Object { $_.Value })
    }
})

[ordered]@{
    psrc      = [ordered]@{
        keys                    = @($psrc.Keys)
        visibleCmdlets          = @(Get-Strings $psrc['VisibleCmdlets'])
        visibleAliases          = @(Get-Strings $psrc['VisibleAliases'])
        visibleExternalCommands = @(Get-Strings $psrc['VisibleExternalCommands'])
        visibleProviders        = @(Get-Strings $psrc['VisibleProviders'])
        visibleFunctions        = @(Get-Strings $psrc['VisibleFunctions'])
        functions               = $functions
        text                    = (Get-Content -Raw (Join-Path $Folder 'ChatOps.psrc'))
    }
    pssc      = [ordered]@{
        sessionType         = $pssc['SessionType'].Extent.Text.Trim("'")
        languageMode        = $pssc['LanguageMode'].Extent.Text.Trim("'")
        runAsVirtualAccount = $pssc.Contains('RunAsVirtualAccount') -and $pssc['RunAsVirtualAccount'].Extent.Text -eq '$true'
        gmsa                = $pssc.Contains('GroupManagedServiceAccount')
        transcripts         = $pssc.Contains('TranscriptDirectory')
        roleCapabilities    = @(Get-Strings $pssc['RoleDefinitions'])
    }
    sessionFileCmdlet = [bool](Get-Command Test-PSSessionConfigurationFile -ErrorAction Ignore)
} | ConvertTo-Json -Depth 8 -Compress
