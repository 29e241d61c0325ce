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
        if (!PowerShellNames.IsHost(options.ClusterName))
        {
            problems.Add($"{section}:ClusterName is '{options.ClusterName}'; set it to the cluster's network name (letters, digits, '.', '-').");
        }

        if (options.ConfigurationName.Length == 0)
        {
            // Empty used to mean "run the per-node probes here", which reads this host's Hyper-V as every node's.
            problems.Add($"{section}:ConfigurationName is empty; the bot only runs its probes through each node's JEA endpoint. Register it with deploy/jea/Register-ChatOpsJea.ps1 and set the name (default 'ChatOps').");
        }
        else if (!PowerShellNames.IsConfiguration(options.ConfigurationName))
        {
            problems.Add($"{section}:ConfigurationName is '{options.ConfigurationName}'; use the JEA endpoint name (e.g. 'ChatOps').");
        }

        if (options.Password is { Length: > 0 } && options.UserName is not { Length: > 0 })
        {
            problems.Add($"{section}:Password is set without {section}:UserName; set both, or neither to connect as the service's own account.");
        }

        if (options.Port is < 0 or > 65535)
        {
            problems.Add($"{section}:Port is {options.Port}; use 0 (5985/5986) or a port number.");
        }

        if (options.MaxCallsPerNode is < 1 or > 64 || options.MaxConcurrentCalls is < 1 or > 1024)
        {
            problems.Add($"{section}:MaxCallsPerNode ({options.MaxCallsPerNode}) must be 1 to 64 and MaxConcurrentCalls ({options.MaxConcurrentCalls}) 1 to 1024.");
        }

        if (options.OpenTimeout <= TimeSpan.Zero || options.IdleTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{section}:OpenTimeout and IdleTimeout must be positive.");
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
