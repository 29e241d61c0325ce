using Microsoft.Extensions.Options;

namespace ChatOps.Clusters.PowerShell;

/// <summary>Stops start-up with the key's name when the PowerShell backend is chosen and <c>ChatOps:PowerShell</c> is wrong.</summary>
internal sealed class PowerShellOptionsValidator(IOptions<ClusterOptions> cluster) : IValidateOptions<PowerShellOptions>
{
    public ValidateOptionsResult Validate(string? name, PowerShellOptions options)
    {
        if (!cluster.Value.Backend.Trim().Equals(ClusterOptions.PowerShellBackend, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Success;
        }

        var section = PowerShellOptions.Section;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Executable))
        {
            problems.Add($"{section}:Executable is empty; use 'powershell.exe', 'pwsh' or a full path.");
        }

        if (!PowerShellNames.IsHost(options.ClusterName))
        {
            problems.Add($"{section}:ClusterName is '{options.ClusterName}'; set it to the cluster's network name (letters, digits, '.', '-').");
        }

        if (options.ConfigurationName.Length > 0 && !PowerShellNames.IsConfiguration(options.ConfigurationName))
        {
            problems.Add($"{section}:ConfigurationName is '{options.ConfigurationName}'; use the JEA endpoint name (e.g. 'ChatOps') or empty to run locally.");
        }

        if (!Directory.Exists(options.ResolvedScriptsPath))
        {
            problems.Add($"{section}:ScriptsPath '{options.ResolvedScriptsPath}' does not exist.");
        }

        if (options.MaxOutputBytes is < 1024 or > 256 * 1024 * 1024)
        {
            problems.Add($"{section}:MaxOutputBytes is {options.MaxOutputBytes}; use 1024 to 268435456.");
        }

        for (var i = 0; i < options.Nodes.Count; i++)
        {
            if (!PowerShellNames.IsHost(options.Nodes[i].Name))
            {
                problems.Add($"{section}:Nodes:{i}:Name is '{options.Nodes[i].Name}'; use the node's name as the cluster lists it.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
