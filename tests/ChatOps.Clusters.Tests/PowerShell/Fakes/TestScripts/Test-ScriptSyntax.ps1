# Test script: parses every .ps1 under the given folders with PowerShell's parser (nothing runs)
# and reports each file's parse errors and whether it sets strict mode and stop-on-error.
param([Parameter(Mandatory)] [string] $Folders)
$ErrorActionPreference = 'Stop'
@(foreach ($folder in $Folders.Split(',')) {
    foreach ($file in Get-ChildItem -LiteralPath $folder -Recurse -Filter '*.ps1') {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref] $tokens, [ref] $errors)
        [ordered]@{
            file   = $file.Name
            errors = @($errors | ForEach-Object { "$($_.Extent.StartLineNumber): $($_.Message)" })
            params = @(if ($ast.ParamBlock) { $ast.ParamBlock.Parameters | ForEach-Object { [ordered]@{
                name = $_.Name.VariablePath.UserPath
                validated = @($_.Attributes | Where-Object { $_.TypeName.Name -in 'ValidatePattern', 'ValidateSet', 'ValidateScript' }).Count -gt 0
            } } })
        }
    }
}) | ConvertTo-Json -Depth 5 -Compress -AsArray
